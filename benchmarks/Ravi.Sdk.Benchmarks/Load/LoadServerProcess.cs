using System.Diagnostics;
using System.Globalization;
using System.Reflection;

namespace Ravi.Sdk.Benchmarks.Load;

/// <summary>Starts <see cref="LoadServer"/> as a child process (this same program) and talks to it line by line.</summary>
internal sealed class LoadServerProcess : IAsyncDisposable
{
    private static readonly TimeSpan ReplyTimeout = TimeSpan.FromMinutes(5);

    private readonly Process _process;

    private LoadServerProcess(Process process, Uri baseAddress, string accessToken, string refreshToken, string[] identities)
    {
        _process = process;
        BaseAddress = baseAddress;
        AccessToken = accessToken;
        RefreshToken = refreshToken;
        Identities = identities;
    }

    public Uri BaseAddress { get; }

    public string AccessToken { get; }

    public string RefreshToken { get; }

    public string[] Identities { get; }

    public int ProcessId => _process.Id;

    public static async Task<LoadServerProcess> StartAsync(int identities)
    {
        var start = new ProcessStartInfo(Environment.ProcessPath!)
        {
            RedirectStandardInput = true,
            RedirectStandardOutput = true,
            RedirectStandardError = false,
            UseShellExecute = false,
        };

        // Started through the apphost, or as `dotnet Ravi.Sdk.Benchmarks.dll`.
        if (Path.GetFileNameWithoutExtension(Environment.ProcessPath!) == "dotnet")
        {
            start.ArgumentList.Add(Assembly.GetEntryAssembly()!.Location);
        }

        start.ArgumentList.Add(LoadServer.Verb);
        start.ArgumentList.Add(identities.ToString(CultureInfo.InvariantCulture));
        var process = Process.Start(start) ?? throw new InvalidOperationException("The server process did not start.");
        try
        {
            var ready = (await ReadLineAsync(process)).Split(' ');
            if (ready is not ["ready", var address, var access, var refresh])
            {
                throw new InvalidOperationException($"Unexpected first line from the server: '{string.Join(' ', ready)}'.");
            }

            var uuids = new string[identities];
            for (var i = 0; i < identities; i++)
            {
                var line = await ReadLineAsync(process);
                uuids[i] = line.StartsWith("identity ", StringComparison.Ordinal) ? line["identity ".Length..] : throw new InvalidOperationException($"Unexpected line '{line}'.");
            }

            await ExpectAsync(process, "identities-done");
            return new LoadServerProcess(process, new Uri(address), access, refresh, uuids);
        }
        catch
        {
            process.Kill(entireProcessTree: true);
            process.Dispose();
            throw;
        }
    }

    public async Task<int> ActiveStreamsAsync()
    {
        var reply = await CommandAsync("streams");
        return int.Parse(reply["streams ".Length..], CultureInfo.InvariantCulture);
    }

    /// <summary>Event number <paramref name="n"/> (type <c>load</c>) to each identity in [<paramref name="from"/>, +<paramref name="count"/>).</summary>
    public async Task PublishAsync(int n, int from, int count)
    {
        var reply = await CommandAsync($"publish {n} {from} {count}");
        if (reply != "published")
        {
            throw new InvalidOperationException($"publish: '{reply}'.");
        }
    }

    /// <summary>One SMS with its own code to each identity; returns the timestamp at which each was injected.</summary>
    public async Task<long[]> InjectSmsAsync(int from, int count)
    {
        await _process.StandardInput.WriteLineAsync($"sms {from} {count}");
        await _process.StandardInput.FlushAsync();
        var sent = new long[count];
        for (var i = 0; i < count; i++)
        {
            var parts = (await ReadLineAsync(_process)).Split(' ');
            sent[int.Parse(parts[1], CultureInfo.InvariantCulture) - from] = long.Parse(parts[2], CultureInfo.InvariantCulture);
        }

        await ExpectAsync(_process, "sms-done");
        return sent;
    }

    public async ValueTask DisposeAsync()
    {
        try
        {
            await _process.StandardInput.WriteLineAsync("quit");
            await _process.StandardInput.FlushAsync();
            using var timeout = new CancellationTokenSource(TimeSpan.FromSeconds(30));
            await _process.WaitForExitAsync(timeout.Token);
        }
        catch (Exception ex) when (ex is IOException or OperationCanceledException)
        {
            _process.Kill(entireProcessTree: true);
        }

        _process.Dispose();
    }

    private static async Task<string> ReadLineAsync(Process process)
    {
        using var timeout = new CancellationTokenSource(ReplyTimeout);
        return await process.StandardOutput.ReadLineAsync(timeout.Token) ?? throw new InvalidOperationException("The server process exited.");
    }

    private static async Task ExpectAsync(Process process, string expected)
    {
        var line = await ReadLineAsync(process);
        if (line != expected)
        {
            throw new InvalidOperationException($"Expected '{expected}' from the server, got '{line}'.");
        }
    }

    private async Task<string> CommandAsync(string command)
    {
        await _process.StandardInput.WriteLineAsync(command);
        await _process.StandardInput.FlushAsync();
        return await ReadLineAsync(_process);
    }
}
