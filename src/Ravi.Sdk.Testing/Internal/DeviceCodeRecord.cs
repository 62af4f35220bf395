namespace Ravi.Sdk.Testing.Internal;

/// <summary>A device-flow authorization (RFC 8628).</summary>
internal sealed class DeviceCodeRecord
{
    public required string DeviceCode { get; init; }
    public required string UserCode { get; init; }
    public required DateTimeOffset ExpiresAt { get; set; }
    public required TimeSpan Interval { get; set; }
    public DateTimeOffset? LastPoll { get; set; }
    public long? ApprovedUserId { get; set; }
    public bool Denied { get; set; }
    public bool Consumed { get; set; }
}
