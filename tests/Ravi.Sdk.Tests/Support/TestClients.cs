using Microsoft.Extensions.Logging;
using Ravi.Sdk.Auth;

namespace Ravi.Sdk.Tests.Support;

/// <summary>Builds clients over an in-memory transport and a fake environment.</summary>
internal static class TestClients
{
    public const string Identity = "3f2b8c1e-1111-4222-8333-944455556666";
    public const string OtherIdentity = "3f2b8c1e-7777-4222-8333-944455556666";

    public static RaviClient Create(RaviClientOptions options, HttpMessageHandler transport, RaviEnvironment? environment = null, ILoggerFactory? loggerFactory = null)
    {
        var prepared = options.Clone();
        prepared.Validate();
        return new RaviClient(prepared, _ => (transport, false), loggerFactory, environment ?? new TestEnvironment());
    }

    /// <summary>Options with no retries waiting and no timers unless a test asks for them.</summary>
    public static RaviClientOptions Options(TimeProvider time, string? accessToken = null, string? refreshToken = null) => new()
    {
        BaseAddress = new Uri("https://ravi.test/"),
        AccessToken = accessToken,
        RefreshToken = refreshToken,
        TimeProvider = time,
        AttemptTimeout = Timeout.InfiniteTimeSpan,
        OverallTimeout = Timeout.InfiniteTimeSpan,
        RetryBaseDelay = TimeSpan.Zero,
        UseCliConfiguration = false,
    };
}
