namespace Ravi.Sdk.Testing.Internal;

/// <summary>One event in an identity's stream log.</summary>
/// <param name="Id">The event id (1-based, contiguous per identity).</param>
/// <param name="Type">The <c>event:</c> field.</param>
/// <param name="Data">The <c>data:</c> payload (JSON for <c>email</c>/<c>sms</c>).</param>
internal sealed record StoredEvent(long Id, string Type, string Data);
