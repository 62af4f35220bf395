namespace Ravi.Sdk.Agents;

/// <summary>
/// A progress report from a long-running Ravi tool (the waits), shaped like an MCP progress notification.
/// </summary>
/// <remarks>
/// <para>A tool reports progress only when the caller asked for it, by handing the invocation an
/// <see cref="IProgress{T}"/> of <see cref="RaviToolProgress"/>, either in <see cref="Microsoft.Extensions.AI.AIFunctionArguments.Context"/>
/// under the key <see cref="ContextKey"/>, or as a service of <see cref="Microsoft.Extensions.AI.AIFunctionArguments.Services"/>.</para>
/// <para>An MCP server forwards them as <c>notifications/progress</c>: with the C# MCP SDK, wrap each tool in a
/// <see cref="Microsoft.Extensions.AI.DelegatingAIFunction"/> whose <c>InvokeCoreAsync</c> takes the request's
/// <c>IProgress&lt;ProgressNotificationValue&gt;</c> from <c>arguments.Services</c> (the SDK supplies one that sends
/// nothing when the client gave no progress token) and stores an adapter under <see cref="ContextKey"/>:
/// <c>new ProgressNotificationValue { Progress = (float)p.Progress, Total = (float?)p.Total, Message = p.Message }</c>.</para>
/// </remarks>
/// <param name="Progress">How far the tool got, in <see cref="Total"/>'s unit (for waits: seconds waited). Increases with each report.</param>
/// <param name="Total">The total, when known (for waits: the timeout in seconds).</param>
/// <param name="Message">A human-readable status, e.g. "Waiting for an SMS code: 10 s of 50 s".</param>
public sealed record RaviToolProgress(double Progress, double? Total, string? Message)
{
    /// <summary>The <see cref="Microsoft.Extensions.AI.AIFunctionArguments.Context"/> key under which a tool looks for an <see cref="IProgress{T}"/> of <see cref="RaviToolProgress"/>.</summary>
    public static readonly Type ContextKey = typeof(IProgress<RaviToolProgress>);
}
