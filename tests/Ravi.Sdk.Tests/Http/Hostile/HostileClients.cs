using Ravi.Sdk.Models;
using Ravi.Sdk.Tests.Support;

namespace Ravi.Sdk.Tests.Http.Hostile;

/// <summary>Clients for hostile-server tests: the SDK's own transport (public constructor), real sockets, no CLI files.</summary>
internal static class HostileClients
{
    public const string Identity = TestClients.Identity;
    public const string Token = "ravi_id_hostile-api-key";
    public const string IdentityJson = """{"uuid":"3f2b8c1e-1111-4222-8333-944455556666","name":"bot","email":"bot@ravi.test"}""";
    public const string MessageJson = """{"id":5,"subject":"hi","to_email":"x@example.com"}""";

    public static ComposeEmailRequest Email => new() { To = "someone@example.com", Subject = "s", Body = "hello from the agent" };

    public static RaviClientOptions Options(HostileServer api, Action<RaviClientOptions>? configure = null)
    {
        var options = new RaviClientOptions
        {
            BaseAddress = api.BaseAddress,
            AccessToken = Token,
            UseCliConfiguration = false,
            MaxRetries = 3,
            RetryBaseDelay = TimeSpan.Zero,
            AttemptTimeout = TimeSpan.FromSeconds(20),
            OverallTimeout = TimeSpan.FromSeconds(60),
        };
        configure?.Invoke(options);
        return options;
    }

    /// <summary>A client over the SDK's own transport (<c>new RaviClient(options)</c>).</summary>
    public static RaviClient Create(HostileServer api, Action<RaviClientOptions>? configure = null) => new(Options(api, configure));

    /// <summary>A client with access and refresh tokens (a JWT that can be renewed).</summary>
    public static RaviClient WithRefresh(HostileServer api, string accessToken, string refreshToken, Action<RaviClientOptions>? configure = null) =>
        new(Options(api, o =>
        {
            o.AccessToken = accessToken;
            o.RefreshToken = refreshToken;
            configure?.Invoke(o);
        }));

    /// <summary>Fails the test if <paramref name="task"/> has not finished within <paramref name="seconds"/> (a bound, never a sleep).</summary>
    public static async Task<T> Within<T>(Task<T> task, double seconds = 30)
    {
        await Within((Task)task, seconds);
        return await task;
    }

    public static async Task Within(Task task, double seconds = 30)
    {
        try
        {
            await task.WaitAsync(TimeSpan.FromSeconds(seconds));
        }
        catch (TimeoutException) when (!task.IsCompleted)
        {
            throw new Xunit.Sdk.XunitException($"The call was still running after {seconds} s.");
        }
    }

    /// <summary>Runs <paramref name="call"/> and returns what it threw (bounded; fails when it did not throw).</summary>
    public static async Task<Exception> Failure(Func<Task> call, double seconds = 30)
    {
        var task = call();
        try
        {
            await Within(task, seconds);
        }
        catch (Xunit.Sdk.XunitException)
        {
            throw;
        }
        catch (Exception ex)
        {
            return ex;
        }

        throw new Xunit.Sdk.XunitException("The call succeeded where a failure was expected.");
    }
}
