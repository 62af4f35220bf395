namespace Ravi.Sdk.Http;

/// <summary>Whether an endpoint needs the <c>X-Ravi-Identity</c> header.</summary>
internal enum IdentityScope
{
    /// <summary>Account-level endpoint: the header is never sent.</summary>
    None,

    /// <summary>Sent when the view has an identity; the endpoint also works without it.</summary>
    Optional,

    /// <summary>The endpoint fails without it, so the SDK throws before sending.</summary>
    Required,
}
