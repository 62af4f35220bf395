// ravi-mcp as a host sees it: the time from spawning the process to the first tools/list answer, and the latency of
// cheap calls on a warm server, over stdio and Streamable HTTP, with the C# MCP client. The Ravi API is a
// RaviTestServer on loopback (signed in through an auth.json, as after `ravi login`), so the figures are ravi-mcp's
// own cost plus one loopback HTTP request per Ravi call.
//
//   dotnet run -c Release --project benchmarks/Ravi.Mcp.Startup [-- --spawns 10 --calls 300]
using System.Diagnostics;
using System.Globalization;
using System.Reflection;
using System.Text.Json.Nodes;
using ModelContextProtocol.Client;
using Ravi.Sdk.Testing;

var spawns = Option("--spawns", 10);
var calls = Option("--calls", 300);
var dll = typeof(Program).Assembly.GetCustomAttributes<AssemblyMetadataAttribute>().Single(a => a.Key == "RaviMcpDll").Value!;

await using var ravi = await RaviTestServer.StartAsync();
var home = Directory.CreateTempSubdirectory("ravi-mcp-bench-").FullName;
Directory.CreateDirectory(Path.Combine(home, ".ravi"));
File.WriteAllText(Path.Combine(home, ".ravi", "auth.json"),
    new JsonObject { ["access_token"] = ravi.AccessToken, ["refresh_token"] = ravi.RefreshToken, ["user_email"] = ravi.UserEmail }.ToJsonString());
var environment = new Dictionary<string, string?>
{
    ["HOME"] = home,
    ["RAVI_BASE_URL"] = ravi.BaseAddress.ToString(),
    ["RAVI_ACCESS_TOKEN"] = null,
    ["RAVI_REFRESH_TOKEN"] = null,
    ["RAVI_CONFIG_DIR"] = null,
    ["RAVI_PIN"] = null,
};
var options = new McpClientOptions { ProtocolVersion = "2024-11-05" };
Console.WriteLine($"ravi-mcp {dll}");
Console.WriteLine($"{Environment.ProcessorCount} cores, .NET {Environment.Version}, {spawns} spawns, {calls} calls per measure");

// 1. Spawn to first tools/list (stdio: the host starts the process, initializes, lists the tools).
var spawnTimes = new List<double>();
for (var i = 0; i <= spawns; i++)
{
    var watch = Stopwatch.StartNew();
    await using var client = await McpClient.CreateAsync(Stdio(), options);
    var tools = await client.ListToolsAsync();
    watch.Stop();
    if (i > 0) // the first run warms the disk cache and the shared framework
    {
        spawnTimes.Add(watch.Elapsed.TotalMilliseconds);
    }
    else
    {
        Console.WriteLine($"{tools.Count} tools");
    }
}

Report("spawn -> first tools/list (stdio)", spawnTimes);

// 2. Cheap calls on a warm stdio server.
await using (var stdio = await McpClient.CreateAsync(Stdio(), options))
{
    await MeasureCallsAsync("stdio", stdio);
}

// 3. The same over Streamable HTTP (one ravi-mcp --http process).
var http = StartHttp(out var listening);
try
{
    var baseUrl = await listening.Task.WaitAsync(TimeSpan.FromSeconds(60));
    await using var client = await McpClient.CreateAsync(
        new HttpClientTransport(new HttpClientTransportOptions { Endpoint = new Uri(baseUrl + "/mcp"), TransportMode = HttpTransportMode.StreamableHttp }),
        options);
    await MeasureCallsAsync("streamable http", client);
}
finally
{
    http.Kill(entireProcessTree: true);
    await http.WaitForExitAsync();
    Directory.Delete(home, recursive: true);
}

return 0;

async Task MeasureCallsAsync(string transport, McpClient client)
{
    for (var i = 0; i < 30; i++) // warm-up: JIT, connection pools
    {
        await client.ListToolsAsync();
        await client.CallToolAsync("list_identities", new Dictionary<string, object?>());
    }

    var list = new List<double>(calls);
    var call = new List<double>(calls);
    for (var i = 0; i < calls; i++)
    {
        var watch = Stopwatch.StartNew();
        await client.ListToolsAsync();
        list.Add(watch.Elapsed.TotalMilliseconds);
        watch.Restart();
        var result = await client.CallToolAsync("list_identities", new Dictionary<string, object?>());
        call.Add(watch.Elapsed.TotalMilliseconds);
        if (result.IsError == true)
        {
            throw new InvalidOperationException("list_identities failed");
        }
    }

    Report($"tools/list ({transport}, warm)", list);
    Report($"tools/call list_identities ({transport}, warm; one loopback Ravi request)", call);
}

StdioClientTransport Stdio() => new(new StdioClientTransportOptions
{
    Name = "ravi-mcp",
    Command = "dotnet",
    Arguments = [dll],
    EnvironmentVariables = environment,
    StandardErrorLines = _ => { },
});

Process StartHttp(out TaskCompletionSource<string> listening)
{
    var info = new ProcessStartInfo("dotnet") { RedirectStandardError = true, UseShellExecute = false };
    info.ArgumentList.Add(dll);
    foreach (var arg in new[] { "--http", "--urls", "http://127.0.0.1:0" })
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

    var process = Process.Start(info)!;
    var found = new TaskCompletionSource<string>(TaskCreationOptions.RunContinuationsAsynchronously);
    process.ErrorDataReceived += (_, e) =>
    {
        if (e.Data?.IndexOf("listening on ", StringComparison.Ordinal) is >= 0 and var at)
        {
            found.TrySetResult(e.Data[(at + 13)..].Split(':', 3) is [var scheme, var host, var rest] ? $"{scheme}:{host}:{rest.Split(':')[0]}" : "");
        }
    };
    process.BeginErrorReadLine();
    listening = found;
    return process;
}

static void Report(string what, List<double> samples)
{
    samples.Sort();
    double At(double q) => samples[(int)Math.Min(samples.Count - 1, Math.Round(q * (samples.Count - 1)))];
    Console.WriteLine(string.Create(CultureInfo.InvariantCulture,
        $"{what}: p50 {At(0.5):0.0} ms, p95 {At(0.95):0.0} ms, min {samples[0]:0.0} ms, max {samples[^1]:0.0} ms (n={samples.Count})"));
}

int Option(string name, int fallback)
{
    var args = Environment.GetCommandLineArgs();
    var at = Array.IndexOf(args, name);
    return at >= 0 && at + 1 < args.Length && int.TryParse(args[at + 1], CultureInfo.InvariantCulture, out var value) ? value : fallback;
}
