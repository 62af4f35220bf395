using System.Globalization;
using Microsoft.Extensions.Configuration;

namespace Ravi.Sdk.DependencyInjection;

/// <summary>
/// Binds <see cref="RaviClientOptions"/> from configuration without reflection (trimming/AOT safe).
/// Keys match the property names (case-insensitive); a value that does not parse fails with the key named.
/// </summary>
internal static class RaviConfigurationBinder
{
    public static void Bind(IConfiguration configuration, RaviClientOptions options)
    {
        if (Get(configuration, nameof(RaviClientOptions.BaseAddress)) is { } baseAddress)
        {
            options.BaseAddress = Uri.TryCreate(baseAddress, UriKind.Absolute, out var uri)
                ? uri
                : throw Invalid(nameof(RaviClientOptions.BaseAddress), baseAddress, "an absolute URI");
        }

        options.AccessToken = Get(configuration, nameof(RaviClientOptions.AccessToken)) ?? options.AccessToken;
        options.RefreshToken = Get(configuration, nameof(RaviClientOptions.RefreshToken)) ?? options.RefreshToken;
        options.IdentityUuid = Get(configuration, nameof(RaviClientOptions.IdentityUuid)) ?? options.IdentityUuid;
        options.ConfigDirectory = Get(configuration, nameof(RaviClientOptions.ConfigDirectory)) ?? options.ConfigDirectory;
        options.ApplicationId = Get(configuration, nameof(RaviClientOptions.ApplicationId)) ?? options.ApplicationId;
        options.UseCliConfiguration = Bool(configuration, nameof(RaviClientOptions.UseCliConfiguration)) ?? options.UseCliConfiguration;
        options.EnableSendLimiter = Bool(configuration, nameof(RaviClientOptions.EnableSendLimiter)) ?? options.EnableSendLimiter;
        options.StoreKeysForCli = Bool(configuration, nameof(RaviClientOptions.StoreKeysForCli)) ?? options.StoreKeysForCli;
        options.TokenRefreshSkew = Time(configuration, nameof(RaviClientOptions.TokenRefreshSkew)) ?? options.TokenRefreshSkew;
        options.AttemptTimeout = Time(configuration, nameof(RaviClientOptions.AttemptTimeout)) ?? options.AttemptTimeout;
        options.OverallTimeout = Time(configuration, nameof(RaviClientOptions.OverallTimeout)) ?? options.OverallTimeout;
        options.RetryBaseDelay = Time(configuration, nameof(RaviClientOptions.RetryBaseDelay)) ?? options.RetryBaseDelay;
        options.MaxRetryDelay = Time(configuration, nameof(RaviClientOptions.MaxRetryDelay)) ?? options.MaxRetryDelay;
        options.MaxRetries = Int(configuration, nameof(RaviClientOptions.MaxRetries)) ?? options.MaxRetries;
        options.MaxPages = Int(configuration, nameof(RaviClientOptions.MaxPages)) ?? options.MaxPages;
        if (Get(configuration, nameof(RaviClientOptions.MaxResponseBytes)) is { } maxBytes)
        {
            options.MaxResponseBytes = long.TryParse(maxBytes, NumberStyles.Integer, CultureInfo.InvariantCulture, out var bytes)
                ? bytes
                : throw Invalid(nameof(RaviClientOptions.MaxResponseBytes), maxBytes, "an integer (bytes)");
        }

        if (Get(configuration, nameof(RaviClientOptions.Argon2Implementation)) is { } argon)
        {
            options.Argon2Implementation = Enum.TryParse<RaviArgon2Implementation>(argon, ignoreCase: true, out var impl) && Enum.IsDefined(impl)
                ? impl
                : throw Invalid(nameof(RaviClientOptions.Argon2Implementation), argon, "Auto, Native or Managed");
        }
    }

    private static string? Get(IConfiguration configuration, string key)
    {
        var value = configuration[key];
        return string.IsNullOrEmpty(value) ? null : value;
    }

    private static int? Int(IConfiguration configuration, string key) =>
        Get(configuration, key) is { } value
            ? int.TryParse(value, NumberStyles.Integer, CultureInfo.InvariantCulture, out var n) ? n : throw Invalid(key, value, "an integer")
            : null;

    private static bool? Bool(IConfiguration configuration, string key) =>
        Get(configuration, key) is { } value
            ? bool.TryParse(value, out var b) ? b : throw Invalid(key, value, "true or false")
            : null;

    private static TimeSpan? Time(IConfiguration configuration, string key) =>
        Get(configuration, key) is { } value
            ? TimeSpan.TryParse(value, CultureInfo.InvariantCulture, out var t) ? t : throw Invalid(key, value, "a TimeSpan such as 00:00:30")
            : null;

    private static InvalidOperationException Invalid(string key, string value, string expected) =>
        new($"Configuration value for Ravi:{key} is invalid: expected {expected}." + (key.Contains("Token", StringComparison.Ordinal) ? "" : $" Got '{value}'."));
}
