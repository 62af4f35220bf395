using Microsoft.Extensions.Logging;

namespace Ravi.Sdk;

/// <summary>
/// The resolved, immutable settings a <see cref="RaviClient"/> and its handlers read: a validated snapshot of the user's
/// <see cref="RaviClientOptions"/> taken once, when the client is built. The options object stays the user's (a mutable
/// bag for binding and code); changing it afterwards changes nothing here. Value equality tells a reload which settings
/// changed (see <see cref="DependencyInjection.RaviClientFactory"/>).
/// </summary>
internal sealed record RaviClientSettings
{
    private RaviClientSettings(RaviClientOptions options)
    {
        BaseAddress = options.BaseAddress;
        AccessToken = options.AccessToken;
        RefreshToken = options.RefreshToken;
        Credential = options.Credential;
        IdentityUuid = options.IdentityUuid;
        UseCliConfiguration = options.UseCliConfiguration;
        ConfigDirectory = options.ConfigDirectory;
        StoreKeysForCli = options.StoreKeysForCli;
        TokenRefreshSkew = options.TokenRefreshSkew;
        ApplicationId = options.ApplicationId;
        AttemptTimeout = options.AttemptTimeout;
        OverallTimeout = options.OverallTimeout;
        MaxRetries = options.MaxRetries;
        RetryBaseDelay = options.RetryBaseDelay;
        MaxRetryDelay = options.MaxRetryDelay;
        MaxResponseBytes = options.MaxResponseBytes;
        MaxPages = options.MaxPages;
        EnableSendLimiter = options.EnableSendLimiter;
        Argon2Implementation = options.Argon2Implementation;
        TimeProvider = options.TimeProvider;
        LoggerFactory = options.LoggerFactory;
        Policies = options.Policies;
    }

    public Uri BaseAddress { get; }

    public string? AccessToken { get; init; }

    public string? RefreshToken { get; init; }

    public Auth.IRaviCredential? Credential { get; }

    public string? IdentityUuid { get; }

    public bool UseCliConfiguration { get; }

    public string? ConfigDirectory { get; }

    public bool StoreKeysForCli { get; }

    public TimeSpan TokenRefreshSkew { get; }

    public string? ApplicationId { get; }

    public TimeSpan AttemptTimeout { get; }

    public TimeSpan OverallTimeout { get; }

    public int MaxRetries { get; }

    public TimeSpan RetryBaseDelay { get; }

    public TimeSpan MaxRetryDelay { get; }

    public long MaxResponseBytes { get; }

    public int MaxPages { get; }

    public bool EnableSendLimiter { get; }

    public RaviArgon2Implementation Argon2Implementation { get; }

    public TimeProvider TimeProvider { get; }

    public ILoggerFactory? LoggerFactory { get; }

    /// <summary>The handlers added with <c>AddPolicy</c> (built into the chain once; a reload never changes them).</summary>
    public IReadOnlyList<Http.RaviPolicyRegistration> Policies { get; init; }

    /// <summary>Validates <paramref name="options"/> (every problem at once) and takes the snapshot.</summary>
    /// <exception cref="ArgumentNullException"><paramref name="options"/> is null.</exception>
    /// <exception cref="ArgumentException">A setting is invalid.</exception>
    public static RaviClientSettings From(RaviClientOptions options)
    {
        ArgumentNullException.ThrowIfNull(options);
        var copy = options.Clone(); // validate exactly what is kept, even if another thread changes the options meanwhile
        copy.Validate();
        return new RaviClientSettings(copy);
    }

    /// <summary>
    /// Whether <paramref name="other"/> differs from these settings in more than the tokens (the settings a running client
    /// cannot take over: they are built into its handlers, scope and credential chain).
    /// </summary>
    public bool DiffersBeyondTokens(RaviClientSettings other) =>
        this with { AccessToken = null, RefreshToken = null, Policies = [] } != other with { AccessToken = null, RefreshToken = null, Policies = [] };

    /// <inheritdoc/>
    public override string ToString() =>
        $"RaviClientSettings {{ BaseAddress = {BaseAddress}, AccessToken = {(AccessToken is null ? "null" : "***")}, " +
        $"RefreshToken = {(RefreshToken is null ? "null" : "***")}, IdentityUuid = {IdentityUuid ?? "null"} }}";
}
