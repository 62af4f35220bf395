namespace Ravi.Sdk.Models;

/// <summary>The answer to a device-code request (RFC 8628 §3.2): show <see cref="UserCode"/> and <see cref="VerificationUri"/> to the user.</summary>
public sealed record DeviceAuthorization
{
    /// <summary>The device code to poll with (secret: never shown or logged).</summary>
    public required string DeviceCode { get; init; }

    /// <summary>The short code the user types at <see cref="VerificationUri"/>.</summary>
    public required string UserCode { get; init; }

    /// <summary>Where the user approves the login.</summary>
    public required string VerificationUri { get; init; }

    /// <summary>The verification URI with the code filled in, when the server gives one.</summary>
    public string? VerificationUriComplete { get; init; }

    /// <summary>Seconds until the device code expires.</summary>
    public int ExpiresIn { get; init; }

    /// <summary>The minimum polling interval in seconds; 5 (the RFC 8628 default) when the server sends none or a non-positive value.</summary>
    public int Interval { get; init => field = value > 0 ? value : 5; } = 5;

    /// <inheritdoc/>
    public override string ToString() => $"DeviceAuthorization {{ UserCode = {UserCode}, VerificationUri = {VerificationUri}, ExpiresIn = {ExpiresIn}, Interval = {Interval} }}";
}
