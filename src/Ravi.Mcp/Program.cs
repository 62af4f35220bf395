using Ravi.Mcp.Configuration;
using Ravi.Mcp.Hosting;

return await RaviMcpApplication.RunAsync(args, McpEnvironment.System, Console.Out, Console.Error, CancellationToken.None).ConfigureAwait(false);
