using System.Text.Json.Serialization;

namespace Ravi.Sdk.Models;

/// <summary>The answer to a device-code request (RFC 8628 §3.2): show <see cref="UserCode"/> and <see cref="VerificationUri"/> to the user.</summary>
public sealed record DeviceAuthorization
{
    /// <summary>The RFC 8628 default polling interval: 5 seconds.</summary>
    public static readonly TimeSpan DefaultInterval = TimeSpan.FromSeconds(5);

    /// <summary>The device code to poll with (secret: never shown or logged).</summary>
    [JsonPropertyName("device_code")]
    public required string DeviceCode { get; init; }

    /// <summary>The short code the user types at <see cref="VerificationUri"/>.</summary>
    [JsonPropertyName("user_code")]
    public required string UserCode { get; init; }

    /// <summary>Where the user approves the login.</summary>
    [JsonPropertyName("verification_uri")]
    public required Uri VerificationUri { get; init; }

    /// <summary>The verification URI with the code filled in, when the server gives one.</summary>
    [JsonPropertyName("verification_uri_complete")]
    public Uri? VerificationUriComplete { get; init; }

    /// <summary>How long the device code stays valid (whole seconds on the wire); <see cref="TimeSpan.Zero"/> when the server does not say.</summary>
    [JsonPropertyName("expires_in")]
    public TimeSpan ExpiresIn { get; init => field = value > TimeSpan.Zero ? value : TimeSpan.Zero; }

    /// <summary>
    /// The minimum polling interval (whole seconds on the wire); <see cref="DefaultInterval"/> (5 s, the RFC 8628 default)
    /// when the server sends none or a non-positive value.
    /// </summary>
    [JsonPropertyName("interval")]
    public TimeSpan Interval { get; init => field = value > TimeSpan.Zero ? value : DefaultInterval; } = DefaultInterval;

    /// <inheritdoc/>
    public override string ToString() => $"DeviceAuthorization {{ UserCode = {UserCode}, VerificationUri = {VerificationUri}, ExpiresIn = {ExpiresIn}, Interval = {Interval} }}";
}
