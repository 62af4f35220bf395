using System.Collections.Concurrent;
using System.Diagnostics;
using System.Reflection;
using System.Text.RegularExpressions;

namespace Ravi.Mcp.Tests.Support;

/// <summary>
/// A ravi-mcp child process (the built tool, started with <c>dotnet Ravi.Mcp.dll</c>), with its stderr collected. For
/// <c>--http</c> it waits for the "listening on" line to learn the port (tests bind port 0). Disposing kills it.
/// </summary>
public sealed partial class McpProcess : IAsyncDisposable
{
    private readonly Process _process;
    private readonly ConcurrentQueue<string> _stderr = new();
    private readonly TaskCompletionSource<Uri> _listening = new(TaskCreationOptions.RunContinuationsAsynchronously);

    private McpProcess(Process process)
    {
        _process = process;
    }

    /// <summary>The built tool.</summary>
    public static string Dll { get; } = typeof(McpProcess).Assembly.GetCustomAttributes<AssemblyMetadataAttribute>()
        .Single(a => a.Key == "RaviMcpDll").Value!;

    public Process Process => _process;

    public IReadOnlyList<string> Stderr => [.. _stderr];

    public string StderrText => string.Join('\n', _stderr);

    /// <summary>The first address the HTTP server listens on (e.g. http://127.0.0.1:41234).</summary>
    public Task<Uri> Listening => _listening.Task;

    /// <summary>Starts ravi-mcp; stdin/stdout are redirected (a raw stdio test writes and reads them).</summary>
    public static McpProcess Start(IEnumerable<string> args, IReadOnlyDictionary<string, string?> environment)
    {
        Assert.True(File.Exists(Dll), $"ravi-mcp was not built: {Dll}");
        var info = new ProcessStartInfo("dotnet")
        {
            RedirectStandardInput = true,
            RedirectStandardOutput = true,
            RedirectStandardError = true,
            UseShellExecute = false,
        };
        info.ArgumentList.Add(Dll);
        foreach (var arg in args)
        {
            info.ArgumentList.Add(arg);
        }

        foreach (var (name, value) in environment)
        {
            if (value is null)
            {
                info.Environment.Remove(name);
            }
            else
            {
                info.Environment[name] = value;
            }
        }

        var process = new Process { StartInfo = info, EnableRaisingEvents = true };
        var mcp = new McpProcess(process);
        process.ErrorDataReceived += (_, e) =>
        {
            if (e.Data is null)
            {
                mcp._listening.TrySetException(new InvalidOperationException("ravi-mcp exited before listening:\n" + mcp.StderrText));
                return;
            }

            mcp._stderr.Enqueue(e.Data);
            if (ListeningLine().Match(e.Data) is { Success: true } match)
            {
                mcp._listening.TrySetResult(new Uri(match.Groups[1].Value));
            }
        };
        process.Start();
        process.BeginErrorReadLine();
        return mcp;
    }

    public async ValueTask DisposeAsync()
    {
        try
        {
            if (!_process.HasExited)
            {
                _process.Kill(entireProcessTree: true);
            }

            using var wait = new CancellationTokenSource(TimeSpan.FromSeconds(10));
            await _process.WaitForExitAsync(wait.Token);
        }
        catch (Exception ex) when (ex is InvalidOperationException or OperationCanceledException)
        {
        }

        _process.Dispose();
    }

    [GeneratedRegex(@"listening on (http://[^\s:]+:\d+)")]
    private static partial Regex ListeningLine();
}
