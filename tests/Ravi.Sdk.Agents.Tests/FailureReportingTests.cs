using Microsoft.Extensions.AI;
using Microsoft.Extensions.Logging;
using Ravi.Sdk.Agents.Tests.Support;
using Ravi.Sdk.Models;
using Ravi.Sdk.Resources;

namespace Ravi.Sdk.Agents.Tests;

/// <summary>How failures reach the model and the logs when they are not argument errors.</summary>
public sealed class FailureReportingTests
{
    [Fact]
    public async Task A_precondition_answers_every_call_with_the_hosts_reason()
    {
        using var client = new RaviClient(new RaviClientOptions { BaseAddress = new Uri("http://127.0.0.1:9/"), AccessToken = "t", UseCliConfiguration = false });
        var asked = new List<string>();
        var tools = RaviTools.Create(client, new RaviToolOptions
        {
            Precondition = (tool, _) =>
            {
                asked.Add(tool);
                return ValueTask.FromResult<string?>("The PIN in RAVI_PIN is wrong: fix it and restart the server.");
            },
        });

        var result = await tools.OfType<AIFunction>().Single(t => t.Name == "list_identities").InvokeAsync(new AIFunctionArguments());

        var error = Assert.IsType<ErrorContent>(result);
        Assert.Equal(RaviToolErrorCodes.Unavailable, error.ErrorCode);
        Assert.Equal("The PIN in RAVI_PIN is wrong: fix it and restart the server.", error.Message);
        Assert.Equal(["list_identities"], asked);
    }

    [Fact]
    public async Task An_unexpected_exception_becomes_an_internal_error_and_is_logged_with_its_stack_trace()
    {
        var logs = new CapturingLoggerProvider();
        var tools = RaviTools.Create(new FakeClient(), new RaviToolOptions { LoggerFactory = logs });

        var result = await tools.OfType<AIFunction>().Single(t => t.Name == "list_identities").InvokeAsync(new AIFunctionArguments());

        var error = Assert.IsType<ErrorContent>(result);
        Assert.Equal(RaviToolErrorCodes.InternalError, error.ErrorCode);
        Assert.Contains("InvalidOperationException", error.Message, StringComparison.Ordinal);
        Assert.DoesNotContain("secret-detail", error.Message, StringComparison.Ordinal); // the exception's own text stays in the log
        var entry = Assert.Single(logs.Entries);
        Assert.Equal(LogLevel.Error, entry.Level);
        Assert.IsType<InvalidOperationException>(entry.Exception);
    }

    [Fact]
    public async Task Cancellation_by_the_caller_is_not_turned_into_a_result()
    {
        var tools = RaviTools.Create(new FakeClient());
        using var cancelled = new CancellationTokenSource();
        await cancelled.CancelAsync();

        await Assert.ThrowsAnyAsync<OperationCanceledException>(async () =>
            await tools.OfType<AIFunction>().Single(t => t.Name == "list_identities").InvokeAsync(new AIFunctionArguments(), cancelled.Token));
    }

    private sealed class FakeClient : RaviClient
    {
        public override IdentitiesClient Identities { get; } = new ThrowingIdentities();
    }

    private sealed class ThrowingIdentities : IdentitiesClient
    {
        public override RaviAsyncPageable<Identity> ListAsync(RaviRequestOptions? requestOptions = null, CancellationToken cancellationToken = default)
        {
            cancellationToken.ThrowIfCancellationRequested();
            throw new InvalidOperationException("secret-detail");
        }
    }
}
