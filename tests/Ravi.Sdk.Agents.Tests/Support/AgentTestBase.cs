using System.Text.Json;
using Microsoft.Extensions.AI;
using Ravi.Sdk.Agents;
using Ravi.Sdk.Testing;

namespace Ravi.Sdk.Agents.Tests.Support;

/// <summary>
/// A fresh <see cref="RaviTestServer"/> per test, one unlocked client of it, and helpers that call tools the way a model's
/// function call arrives (arguments as <see cref="JsonElement"/> values parsed from JSON).
/// </summary>
public abstract class AgentTestBase : IAsyncLifetime
{
    public const string Pin = "246810";

    protected RaviTestServer Server { get; private set; } = null!;

    protected RaviClient Client { get; private set; } = null!;

    protected CapturingLoggerProvider Logs { get; } = new();

    protected string IdentityUuid => Server.Identity.Uuid;

    protected virtual RaviTestServerOptions CreateServerOptions() => new();

    protected virtual bool Unlock => true;

    public virtual async Task InitializeAsync()
    {
        Server = await RaviTestServer.StartAsync(CreateServerOptions());
        Client = new RaviClient(ClientOptions());
        if (Unlock)
        {
            await Client.Encryption.SetupAsync(Pin);
        }
    }

    public async Task DisposeAsync()
    {
        Client.Dispose();
        var errors = Server.UnhandledErrors;
        await Server.DisposeAsync();
        Assert.Empty(errors);
    }

    protected virtual RaviClientOptions ClientOptions() => new()
    {
        BaseAddress = Server.BaseAddress,
        AccessToken = Server.AccessToken,
        RefreshToken = Server.RefreshToken,
        UseCliConfiguration = false,
        RetryBaseDelay = TimeSpan.FromMilliseconds(10),
        MaxRetryDelay = TimeSpan.FromSeconds(2),
        AttemptTimeout = TimeSpan.FromSeconds(15),
        OverallTimeout = TimeSpan.FromSeconds(30),
    };

    /// <summary>The catalog over <see cref="Client"/>, logging to <see cref="Logs"/>.</summary>
    protected IReadOnlyList<AITool> Tools(Action<RaviToolOptions>? configure = null)
    {
        var options = new RaviToolOptions { LoggerFactory = Logs };
        configure?.Invoke(options);
        return RaviTools.Create(Client, options);
    }

    protected static AIFunction Find(IReadOnlyList<AITool> tools, string name) =>
        tools.OfType<AIFunction>().SingleOrDefault(t => t.Name == name) ?? throw new InvalidOperationException($"No tool {name}.");

    /// <summary>Arguments as a model's function call carries them: each value a <see cref="JsonElement"/>.</summary>
    protected static AIFunctionArguments Args(string json = "{}")
    {
        var values = JsonSerializer.Deserialize<Dictionary<string, JsonElement>>(json)!;
        return new AIFunctionArguments(values.ToDictionary(kv => kv.Key, kv => (object?)kv.Value));
    }

    /// <summary>Calls a tool, bounded so a broken test fails instead of hanging.</summary>
    protected static async Task<object?> CallAsync(IReadOnlyList<AITool> tools, string name, string json = "{}", Action<AIFunctionArguments>? configure = null)
    {
        var args = Args(json);
        configure?.Invoke(args);
        using var bound = new CancellationTokenSource(TimeSpan.FromSeconds(60));
        return await Find(tools, name).InvokeAsync(args, bound.Token);
    }

    /// <summary>The successful result as JSON (fails on a tool error, showing it).</summary>
    protected static JsonElement Ok(object? result)
    {
        if (result is ErrorContent error)
        {
            Assert.Fail($"Expected success, got {error.ErrorCode}: {error.Message}");
        }

        return Assert.IsType<JsonElement>(result);
    }

    /// <summary>Waits (polling every few ms, bounded) until <paramref name="condition"/> holds.</summary>
    protected static async Task WaitUntilAsync(Func<bool> condition, string what)
    {
        for (var i = 0; i < 1000; i++)
        {
            if (condition())
            {
                return;
            }

            await Task.Delay(10);
        }

        Assert.Fail($"Timed out waiting until {what}.");
    }

    protected static ErrorContent Error(object? result, string code)
    {
        var error = Assert.IsType<ErrorContent>(result);
        Assert.True(code == error.ErrorCode, $"Expected {code}, got {error.ErrorCode}: {error.Message}");
        return error;
    }
}
