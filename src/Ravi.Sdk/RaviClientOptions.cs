using Microsoft.Extensions.Logging;

namespace Ravi.Sdk;

/// <summary>
/// Settings for a <see cref="RaviClient"/>. Bind them from configuration with
/// <c>services.AddRavi(configuration.GetSection("Ravi"))</c> or set them in code.
/// The client copies what it needs at construction: changing an options object afterwards has no effect on
/// clients already built from it.
/// </summary>
public sealed class RaviClientOptions
{
    /// <summary>The default API host, <c>https://ravi.app</c>.</summary>
    public static readonly Uri DefaultBaseAddress = new("https://ravi.app/");

    /// <summary>The default <see cref="MaxResponseBytes"/>: 16 MiB.</summary>
    public const long DefaultMaxResponseBytes = 16 * 1024 * 1024;

    /// <summary>The default <see cref="MaxPages"/>: 1,000.</summary>
    public const int DefaultMaxPages = 1000;

    /// <summary>The longest <see cref="ApplicationId"/>: 64 characters.</summary>
    public const int MaxApplicationIdLength = 64;

    private const long MinMaxResponseBytes = 1024;
    private const long MaxMaxResponseBytes = 1024 * 1024 * 1024;

    private List<Http.RaviPolicyRegistration> _policies = [];

    /// <summary>The API host. Every path is under <c>/api/</c> on it. Defaults to <see cref="DefaultBaseAddress"/>.</summary>
    public Uri BaseAddress { get; set; } = DefaultBaseAddress;

    /// <summary>
    /// An access token (JWT) or a static API key (<c>ravi_mgmt_…</c>, <c>ravi_id_…</c>). When null the credential chain
    /// is used: <c>RAVI_ACCESS_TOKEN</c>, then <c>$RAVI_CONFIG_DIR/auth.json</c>, then <c>~/.ravi/auth.json</c>.
    /// </summary>
    public string? AccessToken { get; set; }

    /// <summary>A refresh token that goes with <see cref="AccessToken"/>; enables automatic refresh.</summary>
    public string? RefreshToken { get; set; }

    /// <summary>
    /// A credential object (e.g. <see cref="Auth.RaviCredential"/> over a <see cref="Auth.RaviCliTokenStore"/>, or your own
    /// <see cref="Auth.IRaviCredential"/>). Takes the place of <see cref="AccessToken"/>/<see cref="RefreshToken"/> and of the
    /// credential chain. It may be shared by several clients.
    /// </summary>
    public Auth.IRaviCredential? Credential { get; set; }

    /// <summary>
    /// The default identity (UUID) for identity-scoped endpoints. When null it is resolved from
    /// <c>$RAVI_CONFIG_DIR/config.json</c>, <c>./.ravi/config.json</c>, <c>~/.ravi/config.json</c>
    /// (when <see cref="UseCliConfiguration"/> is on); <see cref="RaviClient.ForIdentity(string)"/> overrides it per view.
    /// </summary>
    public string? IdentityUuid { get; set; }

    /// <summary>
    /// Whether to read (and, after a refresh, write) the official CLI's files and environment variables when no explicit
    /// credential or identity is given. Defaults to <see langword="true"/>.
    /// </summary>
    public bool UseCliConfiguration { get; set; } = true;

    /// <summary>The CLI configuration directory to use instead of <c>RAVI_CONFIG_DIR</c> / <c>~/.ravi</c>.</summary>
    public string? ConfigDirectory { get; set; }

    /// <summary>
    /// Opt-in (default <see langword="false"/>): after <c>Encryption.UnlockAsync</c> or <c>Encryption.SetupAsync</c> with the
    /// PIN, store <c>pin_salt</c>, <c>public_key</c> and <c>private_key</c> in the CLI's <c>auth.json</c> the client's tokens
    /// come from, in the CLI's format, so the <c>ravi</c> CLI can encrypt and decrypt after an SDK-only login. The trade-off:
    /// the vault's private key then sits on disk in a 0600 file (as the CLI itself keeps it), readable by anything running
    /// as this user. Needs <see cref="UseCliConfiguration"/>; nothing is written for another account's file.
    /// </summary>
    public bool StoreKeysForCli { get; set; }

    /// <summary>Refresh the access token proactively when its JWT <c>exp</c> is closer than this. Default 60 s.</summary>
    public TimeSpan TokenRefreshSkew { get; set; } = TimeSpan.FromSeconds(60);

    /// <summary>
    /// An application name put in front of the SDK's <c>User-Agent</c>, e.g. <c>my-agent/1.2</c>: at most
    /// <see cref="MaxApplicationIdLength"/> characters of an HTTP product token (ASCII letters, digits and
    /// <c>!#$%&amp;'*+-.^_`|~/</c>; no spaces).
    /// </summary>
    public string? ApplicationId { get; set; }

    /// <summary>
    /// The timeout of one HTTP attempt (not of SSE streams, which are long-lived). Default 30 s; not longer than
    /// <see cref="OverallTimeout"/>; <see cref="Timeout.InfiniteTimeSpan"/> turns it off (the overall timeout still applies).
    /// </summary>
    public TimeSpan AttemptTimeout { get; set; } = TimeSpan.FromSeconds(30);

    /// <summary>The timeout of one call including all retries and waits. Default 2 minutes; <see cref="Timeout.InfiniteTimeSpan"/> turns it off.</summary>
    public TimeSpan OverallTimeout { get; set; } = TimeSpan.FromMinutes(2);

    /// <summary>How many times a failed call may be retried (see the resilience docs for which calls). Default 3; 0 disables.</summary>
    public int MaxRetries { get; set; } = 3;

    /// <summary>The first retry delay; later ones grow exponentially with jitter. Default 1 s; not longer than <see cref="MaxRetryDelay"/>.</summary>
    public TimeSpan RetryBaseDelay { get; set; } = TimeSpan.FromSeconds(1);

    /// <summary>The longest the SDK will wait before one retry, including a server's <c>Retry-After</c>. Default 60 s.</summary>
    public TimeSpan MaxRetryDelay { get; set; } = TimeSpan.FromSeconds(60);

    /// <summary>
    /// The largest response body the SDK reads, in bytes, counted after gzip/deflate decompression. A larger body ends the
    /// call with <see cref="RaviApiException"/> as soon as the limit is passed (or at once, when <c>Content-Length</c>
    /// announces it), so a broken or hostile server cannot make the client hold gigabytes. Event streams are not affected
    /// (they limit each event instead). Default 16 MiB; at most 1 GiB.
    /// </summary>
    public long MaxResponseBytes { get; set; } = DefaultMaxResponseBytes;

    /// <summary>
    /// The most pages one list enumeration follows through <c>next</c> links before it ends with
    /// <see cref="RaviPageLimitException"/> (a server that never stops paginating would otherwise keep it going forever).
    /// Default 1,000.
    /// </summary>
    public int MaxPages { get; set; } = DefaultMaxPages;

    /// <summary>
    /// Enables the client-side email send limiter (60 per hour, 500 per day) that fails fast with
    /// <see cref="RaviRateLimitException"/> instead of letting the server refuse. Default off.
    /// </summary>
    public bool EnableSendLimiter { get; set; }

    /// <summary>Which Argon2id implementation derives keys from a PIN. Default: native libsodium, the managed fallback when the application references Konscious.</summary>
    public RaviArgon2Implementation Argon2Implementation { get; set; } = RaviArgon2Implementation.Auto;

    /// <summary>The clock used for token expiry, retries, OTP windows and timeouts. Tests pass a fake one.</summary>
    public TimeProvider TimeProvider { get; set; } = TimeProvider.System;

    /// <summary>Where the client logs. Secrets are never logged. When null, nothing is logged (or the DI logger factory is used).</summary>
    public ILoggerFactory? LoggerFactory { get; set; }

    /// <summary>The handlers added with <see cref="AddPolicy(DelegatingHandler, RaviPipelinePosition)"/>, in order.</summary>
    internal IReadOnlyList<Http.RaviPolicyRegistration> Policies => _policies;

    /// <summary>
    /// Adds your <see cref="DelegatingHandler"/> to the client's handler chain at <paramref name="position"/>:
    /// <see cref="RaviPipelinePosition.PerCall"/> runs once per operation, outside retries and token refreshes;
    /// <see cref="RaviPipelinePosition.PerTry"/> once per request on the wire, after authentication (see
    /// <c>docs/resilience.md</c> for the exact chain). Handlers of one position run in the order they were added.
    /// Works with every constructor and with <c>AddRavi</c>.
    /// </summary>
    /// <remarks>
    /// A <see cref="DelegatingHandler"/> can be part of one chain only, so this instance serves one client: building a
    /// second client from these options (or a copy) throws an <see cref="ArgumentException"/>. Use
    /// <see cref="AddPolicy(Func{DelegatingHandler}, RaviPipelinePosition)"/> when several clients are built from the options
    /// (named <c>AddRavi</c> registrations, several <c>new RaviClient(options)</c>). The client disposes the handler with
    /// itself. What the handler throws ends the call with a <see cref="RaviException"/> wrapping it (not retried); do not
    /// send a request twice from a handler (the SDK retries what is safe, and refuses a handler's replay of a send).
    /// </remarks>
    /// <param name="handler">The handler, not yet part of any chain (<see cref="DelegatingHandler.InnerHandler"/> unset).</param>
    /// <param name="position">Where it runs.</param>
    /// <returns>These options, for chaining.</returns>
    /// <exception cref="ArgumentNullException"><paramref name="handler"/> is null.</exception>
    /// <exception cref="ArgumentException"><paramref name="handler"/> already has an inner handler or was added already.</exception>
    /// <exception cref="ArgumentOutOfRangeException"><paramref name="position"/> is not a defined position.</exception>
    public RaviClientOptions AddPolicy(DelegatingHandler handler, RaviPipelinePosition position)
    {
        ArgumentNullException.ThrowIfNull(handler);
        CheckPosition(position);
        Http.RaviPolicyRegistration.CheckUnused(handler, nameof(handler));
        if (_policies.Exists(p => p.Holds(handler)))
        {
            throw new ArgumentException($"The handler {handler.GetType().Name} was added already; a handler can be part of one chain once.", nameof(handler));
        }

        _policies.Add(new Http.RaviPolicyRegistration(handler, position));
        return this;
    }

    /// <summary>
    /// Adds a handler created by <paramref name="factory"/> to the handler chain of every client built from these options
    /// (one new instance per client), at <paramref name="position"/>. See <see cref="AddPolicy(DelegatingHandler, RaviPipelinePosition)"/>.
    /// </summary>
    /// <param name="factory">Returns a new handler (with no inner handler) each time it is called.</param>
    /// <param name="position">Where it runs.</param>
    /// <returns>These options, for chaining.</returns>
    /// <exception cref="ArgumentNullException"><paramref name="factory"/> is null.</exception>
    /// <exception cref="ArgumentOutOfRangeException"><paramref name="position"/> is not a defined position.</exception>
    public RaviClientOptions AddPolicy(Func<DelegatingHandler> factory, RaviPipelinePosition position)
    {
        ArgumentNullException.ThrowIfNull(factory);
        CheckPosition(position);
        _policies.Add(new Http.RaviPolicyRegistration(factory, position));
        return this;
    }

    /// <summary>
    /// Checks the options and throws one <see cref="ArgumentException"/> that names every bad setting (its
    /// <see cref="ArgumentException.ParamName"/> is the setting when there is only one).
    /// </summary>
    /// <exception cref="ArgumentException">A setting is invalid.</exception>
    public void Validate()
    {
        var errors = GetValidationErrors();
        if (errors.Count == 1)
        {
            // Each message starts with the name of the offending option.
            var error = errors[0];
            throw new ArgumentException(error, error[..error.IndexOf(' ', StringComparison.Ordinal)]);
        }

        if (errors.Count > 1)
        {
            throw new ArgumentException($"{errors.Count} RaviClientOptions settings are invalid: " + string.Join(" ", errors));
        }
    }

    /// <summary>Lists what is wrong with these options, every problem at once (settings checked alone and against each other); empty when they are valid.</summary>
    /// <returns>One message per problem, each starting with the setting's name.</returns>
    public IReadOnlyList<string> GetValidationErrors()
    {
        var errors = new List<string>();
        if (BaseAddress is null || !BaseAddress.IsAbsoluteUri ||
            (BaseAddress.Scheme != Uri.UriSchemeHttps && BaseAddress.Scheme != Uri.UriSchemeHttp))
        {
            errors.Add($"{nameof(BaseAddress)} must be an absolute http(s) URI.");
        }

        if (IdentityUuid is not null && (IdentityUuid.Length != 36 || !Guid.TryParseExact(IdentityUuid, "D", out _)))
        {
            errors.Add($"{nameof(IdentityUuid)} must be a UUID.");
        }

        if (AccessToken is not null && string.IsNullOrWhiteSpace(AccessToken))
        {
            errors.Add($"{nameof(AccessToken)} must not be empty or whitespace when set.");
        }

        if (Credential is not null && (AccessToken is not null || RefreshToken is not null))
        {
            errors.Add($"Set either {nameof(Credential)} or {nameof(AccessToken)}/{nameof(RefreshToken)}, not both.");
        }

        CheckPositive(errors, AttemptTimeout, nameof(AttemptTimeout));
        CheckPositive(errors, OverallTimeout, nameof(OverallTimeout));
        if (RetryBaseDelay < TimeSpan.Zero)
        {
            errors.Add($"{nameof(RetryBaseDelay)} must not be negative.");
        }

        if (MaxRetryDelay < TimeSpan.Zero)
        {
            errors.Add($"{nameof(MaxRetryDelay)} must not be negative.");
        }
        else if (RetryBaseDelay > MaxRetryDelay)
        {
            errors.Add($"{nameof(RetryBaseDelay)} ({RetryBaseDelay}) must not be longer than {nameof(MaxRetryDelay)} ({MaxRetryDelay}).");
        }

        if (AttemptTimeout > TimeSpan.Zero && OverallTimeout > TimeSpan.Zero && AttemptTimeout > OverallTimeout)
        {
            errors.Add($"{nameof(AttemptTimeout)} ({AttemptTimeout}) must not be longer than {nameof(OverallTimeout)} ({OverallTimeout}): no attempt could use it.");
        }

        if (ApplicationId is { } applicationId && !IsProductToken(applicationId))
        {
            errors.Add($"{nameof(ApplicationId)} must be 1 to {MaxApplicationIdLength} characters of a User-Agent product token such as 'my-agent/1.2' " +
                "(ASCII letters, digits and !#$%&'*+-.^_`|~/; no spaces or control characters).");
        }

        if (TokenRefreshSkew < TimeSpan.Zero)
        {
            errors.Add($"{nameof(TokenRefreshSkew)} must not be negative.");
        }

        if (MaxRetries is < 0 or > 20)
        {
            errors.Add($"{nameof(MaxRetries)} must be between 0 and 20.");
        }

        if (MaxResponseBytes is < MinMaxResponseBytes or > MaxMaxResponseBytes)
        {
            errors.Add($"{nameof(MaxResponseBytes)} must be between 1 KiB and 1 GiB.");
        }

        if (MaxPages < 1)
        {
            errors.Add($"{nameof(MaxPages)} must be at least 1.");
        }

        if (TimeProvider is null)
        {
            errors.Add($"{nameof(TimeProvider)} must not be null.");
        }

        return errors;
    }

    /// <summary>Makes a copy, so a client is not affected by later changes to this instance.</summary>
    /// <returns>A shallow copy (with its own list of the handlers added with <c>AddPolicy</c>, which are the same objects).</returns>
    public RaviClientOptions Clone()
    {
        var copy = (RaviClientOptions)MemberwiseClone();
        copy._policies = [.. _policies]; // later AddPolicy calls on either leave the other alone
        return copy;
    }

    private static void CheckPosition(RaviPipelinePosition position)
    {
        if (position is not (RaviPipelinePosition.PerCall or RaviPipelinePosition.PerTry))
        {
            throw new ArgumentOutOfRangeException(nameof(position), position, "Use RaviPipelinePosition.PerCall or RaviPipelinePosition.PerTry.");
        }
    }

    private static bool IsProductToken(string value)
    {
        if (value.Length is 0 or > MaxApplicationIdLength)
        {
            return false;
        }

        foreach (var c in value)
        {
            if (!char.IsAsciiLetterOrDigit(c) && "!#$%&'*+-.^_`|~/".IndexOf(c, StringComparison.Ordinal) < 0)
            {
                return false;
            }
        }

        return true;
    }

    private static void CheckPositive(List<string> errors, TimeSpan value, string name)
    {
        if (value <= TimeSpan.Zero && value != Timeout.InfiniteTimeSpan)
        {
            errors.Add($"{name} must be positive or Timeout.InfiniteTimeSpan.");
        }
    }

    /// <inheritdoc/>
    public override string ToString() =>
        $"RaviClientOptions {{ BaseAddress = {BaseAddress}, AccessToken = {(AccessToken is null ? "null" : "***")}, " +
        $"RefreshToken = {(RefreshToken is null ? "null" : "***")}, IdentityUuid = {IdentityUuid ?? "null"} }}";
}
