using Microsoft.Extensions.Logging;

namespace Ravi.Sdk.Testing;

/// <summary>
/// Settings for a <see cref="RaviTestServer"/>. Every value has a default that matches the documented Ravi service,
/// so <c>new RaviTestServerOptions()</c> (or no options at all) gives a realistic server.
/// </summary>
public sealed class RaviTestServerOptions
{
    /// <summary>
    /// The server's clock: token expiry, rate-limit windows, device-code polling, timestamps, keepalive comments and
    /// <see cref="RaviTestServer.DelayNext"/> all use it. Default <see cref="TimeProvider.System"/>; pass a
    /// <c>FakeTimeProvider</c> to control time in tests.
    /// </summary>
    public TimeProvider TimeProvider { get; set; } = TimeProvider.System;

    /// <summary>How long an access token is valid. Default 5 minutes.</summary>
    public TimeSpan AccessTokenLifetime { get; set; } = TimeSpan.FromMinutes(5);

    /// <summary>How long a refresh token is valid. Default 1 day.</summary>
    public TimeSpan RefreshTokenLifetime { get; set; } = TimeSpan.FromDays(1);

    /// <summary>
    /// Whether <c>POST /api/auth/token/refresh/</c> rotates the refresh token (returns a new one and invalidates the
    /// old one). When <see langword="false"/>, the response carries only the access token and the refresh token stays
    /// valid. Default <see langword="true"/>.
    /// </summary>
    public bool RotateRefreshTokens { get; set; } = true;

    /// <summary>
    /// Whether token responses name their fields <c>access_token</c>/<c>refresh_token</c> (the documented spelling)
    /// instead of <c>access</c>/<c>refresh</c> (what the CLI reads). Default <see langword="false"/>.
    /// </summary>
    public bool UseLongTokenFieldNames { get; set; }

    /// <summary>
    /// The API variant the server speaks: <see cref="RaviTestServerDialect.Documented"/> (the default) or
    /// <see cref="RaviTestServerDialect.Cli"/> (the shapes, paths and endpoints of the service the official CLI was
    /// written for; docs/compatibility.md lists them). Run a client's tests against both to know it works with either.
    /// An undefined value makes <see cref="RaviTestServer.StartAsync"/> throw <see cref="ArgumentOutOfRangeException"/>.
    /// </summary>
    public RaviTestServerDialect Dialect { get; set; }

    /// <summary>The seeded user's email. Default <c>agent@ravi.test</c>.</summary>
    public string UserEmail { get; set; } = "agent@ravi.test";

    /// <summary>The seeded user's password. Default <c>correct-horse-battery-staple</c>.</summary>
    public string UserPassword { get; set; } = "correct-horse-battery-staple";

    /// <summary>The name of an identity created for the seeded user at start; <see langword="null"/> for none. Default <c>test-agent</c>.</summary>
    public string? IdentityName { get; set; } = "test-agent";

    /// <summary>The domain of identity inboxes (<c>&lt;name&gt;@&lt;domain&gt;</c>). Default <c>in.ravi.test</c>.</summary>
    public string MailDomain { get; set; } = "in.ravi.test";

    /// <summary>The interval between <c>: keepalive</c> comments on the event stream. Default 30 seconds.</summary>
    public TimeSpan KeepAliveInterval { get; set; } = TimeSpan.FromSeconds(30);

    /// <summary>When set, every event-stream connection starts with a <c>retry:</c> field of this many milliseconds.</summary>
    public TimeSpan? StreamRetry { get; set; }

    /// <summary>
    /// When set, event ids on the wire are opaque strings: this prefix followed by the event number (e.g. <c>evt_17</c>), as
    /// a service with string ids would send them; <c>Last-Event-ID</c> is read back the same way. Default <see langword="null"/>:
    /// plain numeric ids. The numbers returned by <see cref="RaviTestServer.PublishEvent"/> stay numeric.
    /// </summary>
    public string? EventIdPrefix { get; set; }

    /// <summary>Emails an identity may send per rolling hour. Default 60.</summary>
    public int EmailsPerHour { get; set; } = 60;

    /// <summary>Emails an identity may send per rolling day. Default 500.</summary>
    public int EmailsPerDay { get; set; } = 500;

    /// <summary>Attachment presign requests an identity may make per rolling hour. Default 200.</summary>
    public int AttachmentUploadsPerHour { get; set; } = 200;

    /// <summary>The largest JSON request body accepted; larger bodies get 413. Default 1 MiB.</summary>
    public int MaxRequestBodyBytes { get; set; } = 1024 * 1024;

    /// <summary>The largest attachment that can be presigned and uploaded. Default 25 MiB.</summary>
    public long MaxAttachmentBytes { get; set; } = 25L * 1024 * 1024;

    /// <summary>How long a presigned upload URL stays valid. Default 15 minutes.</summary>
    public TimeSpan PresignedUrlLifetime { get; set; } = TimeSpan.FromMinutes(15);

    /// <summary>How long a device code stays valid (<c>expires_in</c>). Default 15 minutes.</summary>
    public TimeSpan DeviceCodeLifetime { get; set; } = TimeSpan.FromMinutes(15);

    /// <summary>
    /// The initial device-flow polling interval (<c>interval</c>, whole seconds). Polling faster than the current interval
    /// answers <c>slow_down</c> and adds 5 seconds to it. Default 5 seconds; <see cref="TimeSpan.Zero"/> disables <c>slow_down</c>.
    /// </summary>
    public TimeSpan DevicePollInterval { get; set; } = TimeSpan.FromSeconds(5);

    /// <summary>
    /// When <see langword="true"/>, <c>POST /api/encryption/</c> answers 405 so a client must fall back to <c>PATCH</c>
    /// (as the live service has done). Default <see langword="false"/>.
    /// </summary>
    public bool EncryptionPostNotAllowed { get; set; }

    /// <summary>Default page size of <c>/api/email-messages/</c>. Default 50.</summary>
    public int DefaultPageSize { get; set; } = 50;

    /// <summary>Largest page size of <c>/api/email-messages/</c>; larger <c>limit</c> values are clamped. Default 200.</summary>
    public int MaxPageSize { get; set; } = 200;

    /// <summary>Configures server logging. Logging is off (no providers) unless this adds some.</summary>
    public Action<ILoggingBuilder>? ConfigureLogging { get; set; }

    internal RaviTestServerOptions Clone() => (RaviTestServerOptions)MemberwiseClone();

    internal void Validate()
    {
        ArgumentNullException.ThrowIfNull(TimeProvider);
        if (!Enum.IsDefined(Dialect))
        {
            throw new ArgumentOutOfRangeException(nameof(Dialect), Dialect, "Unknown dialect.");
        }
        ArgumentException.ThrowIfNullOrWhiteSpace(UserEmail);
        ArgumentException.ThrowIfNullOrWhiteSpace(UserPassword);
        ArgumentException.ThrowIfNullOrWhiteSpace(MailDomain);
        ArgumentOutOfRangeException.ThrowIfLessThanOrEqual(AccessTokenLifetime, TimeSpan.Zero);
        ArgumentOutOfRangeException.ThrowIfLessThanOrEqual(RefreshTokenLifetime, TimeSpan.Zero);
        ArgumentOutOfRangeException.ThrowIfLessThanOrEqual(KeepAliveInterval, TimeSpan.Zero);
        ArgumentOutOfRangeException.ThrowIfNegative(EmailsPerHour);
        ArgumentOutOfRangeException.ThrowIfNegative(EmailsPerDay);
        ArgumentOutOfRangeException.ThrowIfNegative(AttachmentUploadsPerHour);
        ArgumentOutOfRangeException.ThrowIfLessThan(MaxRequestBodyBytes, 1024);
        ArgumentOutOfRangeException.ThrowIfNegative(MaxAttachmentBytes);
        ArgumentOutOfRangeException.ThrowIfLessThan(DevicePollInterval, TimeSpan.Zero);
        ArgumentOutOfRangeException.ThrowIfLessThanOrEqual(DeviceCodeLifetime, TimeSpan.Zero);
        ArgumentOutOfRangeException.ThrowIfLessThanOrEqual(PresignedUrlLifetime, TimeSpan.Zero);
        ArgumentOutOfRangeException.ThrowIfLessThan(DefaultPageSize, 1);
        ArgumentOutOfRangeException.ThrowIfLessThan(MaxPageSize, DefaultPageSize);
        if (StreamRetry is { } retry)
        {
            ArgumentOutOfRangeException.ThrowIfLessThan(retry, TimeSpan.Zero);
        }
    }
}
