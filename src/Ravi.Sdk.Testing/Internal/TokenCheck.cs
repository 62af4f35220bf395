namespace Ravi.Sdk.Testing.Internal;

/// <summary>The outcome of checking a token.</summary>
internal enum TokenCheck
{
    Valid,
    Expired,
    Invalid,
}
