using ModelContextProtocol.Protocol;
using ModelContextProtocol.Server;
using Ravi.Mcp.Runtime;
using Ravi.Sdk.Agents;

namespace Ravi.Mcp.Tools;

/// <summary>
/// A catalog tool as the MCP server lists it. A call goes to the same tool of the current <see cref="RaviSession"/>, or
/// answers with the session's problem (no credentials, rejected token, bad setting) as an <c>isError</c> result, so a host
/// and its model learn what to fix instead of losing the tools.
/// </summary>
internal sealed class RaviMcpTool(string name, Tool protocolTool, RaviMcpRuntime runtime) : McpServerTool
{
    /// <inheritdoc/>
    public override Tool ProtocolTool => protocolTool;

    /// <inheritdoc/>
    public override IReadOnlyList<object> Metadata => [];

    /// <inheritdoc/>
    public override async ValueTask<CallToolResult> InvokeAsync(RequestContext<CallToolRequestParams> request, CancellationToken cancellationToken = default)
    {
        ArgumentNullException.ThrowIfNull(request);
        var session = await runtime.GetSessionAsync(cancellationToken).ConfigureAwait(false);
        if (session.Problem is { } problem)
        {
            return ToolResults.Error(problem);
        }

        if (!session.Tools.TryGetValue(name, out var tool))
        {
            return ToolResults.Error($"The tool '{name}' is not available in this session.");
        }

        var result = await tool.InvokeAsync(request, cancellationToken).ConfigureAwait(false);
        var code = result.IsError == true ? ToolErrorCodes.Of(result) : null;
        if (code == RaviToolErrorCodes.Unauthorized)
        {
            runtime.CredentialRejected(session);
            return ToolResults.Error(session.Problem ?? ToolResults.Text(result));
        }

        if (code == RaviToolErrorCodes.VaultLocked && session.VaultProblem is not null)
        {
            // The vault is locked for a known reason: try again if it may have been fixed, else say why.
            if (await runtime.RetryUnlockAsync(session, cancellationToken).ConfigureAwait(false))
            {
                return await tool.InvokeAsync(request, cancellationToken).ConfigureAwait(false);
            }

            return ToolResults.Error(session.VaultProblem ?? ToolResults.Text(result));
        }

        return result;
    }

    /// <inheritdoc/>
    public override string ToString() => name;
}
