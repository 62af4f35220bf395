using Microsoft.Extensions.AI;
using ModelContextProtocol.Protocol;

namespace Ravi.Sdk.Samples.McpServer;

/// <summary>
/// The catalog never throws for a failure: it returns an <see cref="ErrorContent"/> saying what was wrong and what to do.
/// MCP wants that as an <c>isError</c> result, so the host and the model see a failed call, not a successful one.
/// </summary>
internal sealed class ErrorResultFunction(AIFunction inner) : DelegatingAIFunction(inner)
{
    protected override async ValueTask<object?> InvokeCoreAsync(AIFunctionArguments arguments, CancellationToken cancellationToken) =>
        await base.InvokeCoreAsync(arguments, cancellationToken) switch
        {
            ErrorContent error => new CallToolResult { IsError = true, Content = [new TextContentBlock { Text = error.Message }] },
            var result => result,
        };
}
