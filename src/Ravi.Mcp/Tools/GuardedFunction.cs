using System.Text.Json;
using Microsoft.Extensions.AI;
using Microsoft.Extensions.Logging;
using Ravi.Sdk;

namespace Ravi.Mcp.Tools;

/// <summary>
/// Wraps a catalog function so every failure becomes an <c>isError</c> result that says what was wrong: expected failures
/// (Ravi errors, bad arguments, timeouts) log one Warning line without a stack trace; only a bug logs the exception.
/// The MCP SDK's own handling would answer "An error occurred invoking 'x'." and log a stack trace per failure.
/// </summary>
internal sealed class GuardedFunction(AIFunction inner, ILogger logger) : DelegatingAIFunction(inner)
{
    private const int MaxMessageLength = 2000;

    /// <inheritdoc/>
    protected override async ValueTask<object?> InvokeCoreAsync(AIFunctionArguments arguments, CancellationToken cancellationToken)
    {
        try
        {
            return await base.InvokeCoreAsync(arguments, cancellationToken).ConfigureAwait(false);
        }
        catch (OperationCanceledException) when (cancellationToken.IsCancellationRequested)
        {
            throw;
        }
        catch (RaviCryptoException ex) when (ex.Kind == RaviCryptoErrorKind.Locked)
        {
            McpLog.ToolFailed(logger, Name, Cut(ex.Message));
            return VaultLockedError.Mark(ToolResults.Error(Cut(ex.Message)));
        }
        catch (Exception ex) when (ex is RaviException or ArgumentException or JsonException or FormatException or TimeoutException or OperationCanceledException)
        {
            var message = ex switch
            {
                OperationCanceledException => $"{Name} was cancelled before it finished.",
                ArgumentException { ParamName: { } name } argument => Cut(argument.Message.Replace($" (Parameter '{name}')", "", StringComparison.Ordinal)),
                _ => Cut(ex.Message),
            };
            McpLog.ToolFailed(logger, Name, message);
            return ToolResults.Error(message);
        }
        catch (Exception ex)
        {
            McpLog.ToolCrashed(logger, Name, ex);
            return ToolResults.Error($"{Name} failed unexpectedly ({ex.GetType().Name}); the ravi-mcp log on stderr has the details.");
        }
    }

    private static string Cut(string message) => message.Length <= MaxMessageLength ? message : message[..MaxMessageLength] + "…";
}
