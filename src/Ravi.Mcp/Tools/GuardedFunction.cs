using System.Text.Json;
using Microsoft.Extensions.AI;
using Microsoft.Extensions.Logging;
using ModelContextProtocol;
using ModelContextProtocol.Protocol;

namespace Ravi.Mcp.Tools;

/// <summary>
/// Adapts a catalog function to MCP. Progress: when the client sent a progress token, the request's
/// <see cref="IProgress{T}"/> of <see cref="ProgressNotificationValue"/> (from the invocation's services) is handed to the
/// catalog under <see cref="Ravi.Sdk.Agents.RaviToolProgress.ContextKey"/>, so waits send <c>notifications/progress</c>.
/// Results: the catalog's <see cref="ErrorContent"/> becomes <c>isError</c> with its message (the MCP SDK would otherwise
/// send it as an ordinary result), a JSON object becomes text plus <c>structuredContent</c>. A thrown exception (a bug:
/// the catalog returns its failures) is logged once and answered without a stack trace; the SDK's own handling would
/// answer "An error occurred invoking 'x'." and log a stack trace per failure.
/// </summary>
internal sealed class GuardedFunction(AIFunction inner, ILogger logger) : DelegatingAIFunction(inner)
{
    /// <inheritdoc/>
    protected override async ValueTask<object?> InvokeCoreAsync(AIFunctionArguments arguments, CancellationToken cancellationToken)
    {
        ArgumentNullException.ThrowIfNull(arguments);
        if (arguments.Services?.GetService(typeof(IProgress<ProgressNotificationValue>)) is IProgress<ProgressNotificationValue> progress)
        {
            arguments.Context ??= new Dictionary<object, object?>();
            arguments.Context[Ravi.Sdk.Agents.RaviToolProgress.ContextKey] = new ProgressForwarder(progress);
        }

        object? result;
        try
        {
            result = await base.InvokeCoreAsync(arguments, cancellationToken).ConfigureAwait(false);
        }
        catch (OperationCanceledException) when (cancellationToken.IsCancellationRequested)
        {
            throw;
        }
        catch (Exception ex) when (ex is ArgumentException or JsonException or FormatException)
        {
            // Binding failures of a reflection-built function (the demo tool); the catalog answers its own.
            var message = ex is ArgumentException { ParamName: { } name } argument
                ? argument.Message.Replace($" (Parameter '{name}')", "", StringComparison.Ordinal)
                : ex.Message;
            message = message.Length <= 500 ? message : message[..500] + "…";
            McpLog.ToolFailed(logger, Name, message);
            return ToolResults.Error(message);
        }
        catch (Exception ex) when (ex is not OutOfMemoryException)
        {
            McpLog.ToolCrashed(logger, Name, ex);
            return ToolResults.Error($"{Name} failed unexpectedly ({ex.GetType().Name}); the ravi-mcp log on stderr has the details.");
        }

        return result switch
        {
            ErrorContent error => ToolErrorCodes.Mark(ToolResults.Error(error.Message), error.ErrorCode),
            JsonElement { ValueKind: JsonValueKind.Object } json => new CallToolResult
            {
                Content = [new TextContentBlock { Text = json.GetRawText() }],
                StructuredContent = json,
            },
            _ => result,
        };
    }
}
