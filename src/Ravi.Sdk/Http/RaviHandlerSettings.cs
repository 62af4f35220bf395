using System.Reflection;
using Microsoft.Extensions.Logging;
using Microsoft.Extensions.Logging.Abstractions;

namespace Ravi.Sdk.Http;

/// <summary>
/// What the SDK's handlers read, resolved once before any handler is built: the client's settings, the normalised API
/// origin, the clock, the credential, the logger factory and the User-Agent. Immutable; handlers never see the
/// <see cref="RaviPipeline"/> (which is built after them).
/// </summary>
internal sealed class RaviHandlerSettings
{
    private RaviHandlerSettings(RaviClientSettings settings, Uri baseAddress, Auth.IRaviCredential credential, ILoggerFactory loggerFactory, string userAgent)
    {
        Settings = settings;
        BaseAddress = baseAddress;
        Credential = credential;
        LoggerFactory = loggerFactory;
        UserAgent = userAgent;
    }

    /// <summary>The client's resolved settings.</summary>
    public RaviClientSettings Settings { get; }

    /// <summary>The API host, always ending in <c>/</c>.</summary>
    public Uri BaseAddress { get; }

    /// <summary>The clock.</summary>
    public TimeProvider TimeProvider => Settings.TimeProvider;

    /// <summary>Supplies and renews the bearer token.</summary>
    public Auth.IRaviCredential Credential { get; }

    /// <summary>Where handlers and sub-clients log.</summary>
    public ILoggerFactory LoggerFactory { get; }

    /// <summary>The User-Agent sent with every API request.</summary>
    public string UserAgent { get; }

    /// <summary>Resolves the handler settings of a client.</summary>
    /// <param name="settings">The client's resolved settings.</param>
    /// <param name="loggerFactory">Where to log; <see langword="null"/> for the settings' factory or none.</param>
    /// <param name="credential">The resolved credential; <see langword="null"/> for the explicit options only (no environment, no files).</param>
    public static RaviHandlerSettings Create(RaviClientSettings settings, ILoggerFactory? loggerFactory, Auth.IRaviCredential? credential) =>
        new(settings,
            NormalizeBase(settings.BaseAddress),
            credential ?? Auth.RaviCliConfiguration.FromOptions(settings) ?? Auth.RaviCredential.SignedOut(),
            loggerFactory ?? settings.LoggerFactory ?? NullLoggerFactory.Instance,
            BuildUserAgent(settings.ApplicationId));

    private static Uri NormalizeBase(Uri baseAddress)
    {
        var s = baseAddress.GetLeftPart(UriPartial.Path);
        return new Uri(s.EndsWith('/') ? s : s + "/", UriKind.Absolute);
    }

    private static string BuildUserAgent(string? applicationId)
    {
        var version = typeof(RaviHandlerSettings).Assembly.GetCustomAttribute<AssemblyInformationalVersionAttribute>()?.InformationalVersion ?? "0.0.0";
        var plus = version.IndexOf('+', StringComparison.Ordinal);
        if (plus >= 0)
        {
            version = version[..plus];
        }

        var ua = $"Ravi.Sdk/{version} (.NET {Environment.Version}; {System.Runtime.InteropServices.RuntimeInformation.OSDescription.Replace('(', '[').Replace(')', ']')})";
        return string.IsNullOrWhiteSpace(applicationId) ? ua : $"{applicationId} {ua}";
    }
}
