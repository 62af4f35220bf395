using System.Diagnostics;
using System.Reflection;

namespace Ravi.Sdk.Samples.Tests.Quickstart;

/// <summary>Item 5 of issue 10: the Quickstart sample pointed at an unreachable host ends with one clear line, not a stack trace.</summary>
public sealed class QuickstartFailureTests
{
    [Fact]
    public async Task An_unreachable_RAVI_BASE_URL_ends_with_one_line_and_a_non_zero_exit_code()
    {
        var dll = typeof(QuickstartFailureTests).Assembly.GetCustomAttributes<AssemblyMetadataAttribute>().Single(a => a.Key == "QuickstartDll").Value!;
        Assert.True(File.Exists(dll), $"The Quickstart sample was not built: {dll}");
        // Port 1 (tcpmux) on loopback: privileged, never bound by a test server (they take ephemeral ports), so every
        // connection is refused. A freed ephemeral probe port could be taken by another test's server meanwhile.
        const int port = 1;

        var start = new ProcessStartInfo("dotnet", [dll])
        {
            RedirectStandardOutput = true,
            RedirectStandardError = true,
            Environment =
            {
                ["RAVI_BASE_URL"] = $"http://127.0.0.1:{port}/",
                ["RAVI_ACCESS_TOKEN"] = "ravi_id_unreachable-test",
                ["RAVI_CONFIG_DIR"] = Path.GetTempPath(),
            },
        };
        using var process = Process.Start(start)!;
        var stdout = process.StandardOutput.ReadToEndAsync();
        var stderr = process.StandardError.ReadToEndAsync();
        using var bound = new CancellationTokenSource(TimeSpan.FromSeconds(90));
        try
        {
            await process.WaitForExitAsync(bound.Token);
        }
        catch (OperationCanceledException)
        {
            process.Kill(entireProcessTree: true);
            throw;
        }

        var output = await stdout;
        var errors = (await stderr).Split('\n', StringSplitOptions.RemoveEmptyEntries | StringSplitOptions.TrimEntries);
        Assert.NotEqual(0, process.ExitCode);
        var line = Assert.Single(errors);
        Assert.StartsWith("Quickstart failed: RaviConnectionException: ", line, StringComparison.Ordinal);
        Assert.Contains($"127.0.0.1:{port}", line, StringComparison.Ordinal);
        Assert.DoesNotContain("   at ", output + string.Join('\n', errors), StringComparison.Ordinal);
        Assert.DoesNotContain("Unhandled exception", output + line, StringComparison.Ordinal);
    }
}
