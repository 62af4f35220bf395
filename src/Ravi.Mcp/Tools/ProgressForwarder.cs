using ModelContextProtocol;
using Ravi.Sdk.Agents;

namespace Ravi.Mcp.Tools;

/// <summary>Forwards the catalog's progress reports as MCP progress notifications.</summary>
internal sealed class ProgressForwarder(IProgress<ProgressNotificationValue> target) : IProgress<RaviToolProgress>
{
    public void Report(RaviToolProgress value)
    {
        ArgumentNullException.ThrowIfNull(value);
        target.Report(new ProgressNotificationValue
        {
            Progress = (float)value.Progress,
            Total = value.Total is { } total ? (float)total : null,
            Message = value.Message,
        });
    }
}
