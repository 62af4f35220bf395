using OpenTelemetry;
using OpenTelemetry.Metrics;
using OpenTelemetry.Trace;
using Ravi.Sdk.Testing;

namespace Ravi.Sdk.IntegrationTests.Docs;

/// <summary>docs/observability.md's setup snippet, compiled and run against <see cref="RaviTestServer"/> (as the README's are).</summary>
[Collection(ConsoleOutputGroup.Name)]
public sealed class ObservabilitySnippetTests
{
    [Fact]
    public async Task Observability()
    {
        await using var server = await RaviTestServer.StartAsync();
        using var ravi = new RaviClient(new RaviClientOptions { BaseAddress = server.BaseAddress, AccessToken = server.AccessToken, UseCliConfiguration = false });
        var identityUuid = server.Identity.Uuid;
        using var console = new CapturedConsole();

        #region snippet: observability
        using (var tracerProvider = OpenTelemetry.Sdk.CreateTracerProviderBuilder()
            .AddSource(RaviTelemetry.ActivitySourceName) // one span per SDK operation
            .AddSource("System.Net.Http")                // its HTTP attempts, beneath it
            .AddConsoleExporter()                        // or AddOtlpExporter()
            .Build())
        using (var meterProvider = OpenTelemetry.Sdk.CreateMeterProviderBuilder()
            .AddMeter(RaviTelemetry.MeterName)
            .AddConsoleExporter()
            .Build())
        {
            var agent = ravi.ForIdentity(identityUuid);
            var secret = await agent.Vault.GetByKeyAsync("OPENAI_API_KEY");
        }
        #endregion

        var output = console.Text;
        Assert.Contains("Ravi.Vault.GetByKey", output);                 // the operation's span
        Assert.Contains("System.Net.Http", output);                     // its HTTP attempt
        Assert.Contains("ravi.client.request.duration", output);        // the metric, exported when the provider is disposed
    }

    [Fact]
    public void Observability_snippets_are_the_tested_code() =>
        DocSnippets.AssertTested(Path.Combine("docs", "observability.md"), Path.Combine("tests", "Ravi.Sdk.IntegrationTests", "Docs", "ObservabilitySnippetTests.cs"));
}
