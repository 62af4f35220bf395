using System.Diagnostics;
using System.Net.Http.Headers;
using System.Reflection;

namespace Ravi.Sdk.IntegrationTests.Server;

/// <summary>
/// A process that hosts a <see cref="Testing.RaviTestServer"/> still ends on SIGTERM (and Ctrl+C): the server must not
/// install the generic host's console lifetime, which swallows the signal to stop only itself and leaves the process
/// running. Checked with the standalone test-server sample in a child process, which relies on the default signal handling.
/// </summary>
public sealed class TerminationSignalTests
{
    private static readonly TimeSpan StartBound = TimeSpan.FromSeconds(60);
    private static readonly TimeSpan ExitBound = TimeSpan.FromSeconds(15);

    [Fact]
    public async Task A_process_hosting_the_server_exits_on_SIGTERM()
    {
        if (OperatingSystem.IsWindows())
        {
            return; // no SIGTERM to send; CI runs on Linux
        }

        var dll = typeof(TerminationSignalTests).Assembly.GetCustomAttributes<AssemblyMetadataAttribute>()
            .Single(a => a.Key == "TestServerSampleDll").Value!;
        Assert.True(File.Exists(dll), $"The test-server sample was not built: {dll}");
        using var process = Process.Start(new ProcessStartInfo("dotnet", [dll])
        {
            RedirectStandardOutput = true,
            RedirectStandardError = true,
            UseShellExecute = false,
        })!;
        try
        {
            var (baseUrl, token) = await ReadBannerAsync(process);

            // It really serves: the seeded user's token is accepted.
            using (var http = new HttpClient { Timeout = TimeSpan.FromSeconds(30) })
            {
                using var request = new HttpRequestMessage(HttpMethod.Get, new Uri(new Uri(baseUrl), "api/auth/user/"));
                request.Headers.Authorization = new AuthenticationHeaderValue("Bearer", token);
                using var response = await http.SendAsync(request);
                Assert.Equal(200, (int)response.StatusCode);
            }

            using (var kill = Process.Start(new ProcessStartInfo("kill", ["-TERM", process.Id.ToString(System.Globalization.CultureInfo.InvariantCulture)]) { UseShellExecute = false })!)
            {
                await kill.WaitForExitAsync();
                Assert.Equal(0, kill.ExitCode);
            }

            using var bound = new CancellationTokenSource(ExitBound);
            try
            {
                await process.WaitForExitAsync(bound.Token);
            }
            catch (OperationCanceledException)
            {
                Assert.Fail($"The process hosting a RaviTestServer was still running {ExitBound.TotalSeconds:0} s after SIGTERM.");
            }
        }
        finally
        {
            if (!process.HasExited)
            {
                process.Kill(entireProcessTree: true);
            }
        }
    }

    private static async Task<(string BaseUrl, string Token)> ReadBannerAsync(Process process)
    {
        using var timeout = new CancellationTokenSource(StartBound);
        string? baseUrl = null;
        string? token = null;
        while (baseUrl is null || token is null)
        {
            var line = await process.StandardOutput.ReadLineAsync(timeout.Token)
                ?? throw new InvalidOperationException($"The sample exited before printing its address: {await process.StandardError.ReadToEndAsync(timeout.Token)}");
            if (line.StartsWith("RAVI_BASE_URL=", StringComparison.Ordinal))
            {
                baseUrl = line["RAVI_BASE_URL=".Length..];
            }
            else if (line.StartsWith("RAVI_ACCESS_TOKEN=", StringComparison.Ordinal))
            {
                token = line["RAVI_ACCESS_TOKEN=".Length..];
            }
        }

        return (baseUrl, token);
    }
}
