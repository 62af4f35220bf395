namespace Ravi.Sdk.Testing.Internal;

/// <summary>What an endpoint requires before its handler runs.</summary>
internal enum EndpointScope
{
    /// <summary>Nothing (auth endpoints, storage).</summary>
    Anonymous,

    /// <summary>A valid bearer credential.</summary>
    User,

    /// <summary>A valid bearer credential and an owned identity in <c>X-Ravi-Identity</c>.</summary>
    Identity,

    /// <summary>A valid bearer credential; an <c>X-Ravi-Identity</c>, when sent, must be an owned identity.</summary>
    OptionalIdentity,
}
