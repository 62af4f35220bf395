using System.Diagnostics;
using System.Globalization;
using Ravi.Sdk.Testing;

namespace Ravi.Sdk.Benchmarks.Load;

/// <summary>
/// The load program's server: a <see cref="RaviTestServer"/> in a child process of its own, so that none of the server's
/// memory or sockets are counted as the client's. Driven by one command per line on stdin, answering on stdout.
/// </summary>
/// <remarks>
/// Start-up prints <c>ready {baseAddress} {accessToken} {refreshToken}</c>, one <c>identity {uuid}</c> line per identity
/// and <c>identities-done</c>. Commands:
/// <list type="bullet">
/// <item><c>streams</c> → <c>streams {open event streams}</c></item>
/// <item><c>publish {n} {from} {count}</c>: one <c>load</c> event per identity, data <c>{"identity":…,"n":{n},"sent":{timestamp}}</c>
/// (<see cref="Stopwatch.GetTimestamp"/>: CLOCK_MONOTONIC, the same clock in both processes) → <c>published</c></item>
/// <item><c>sms {from} {count}</c>: one SMS per identity with its own code → <c>sms {index} {timestamp}</c> per SMS, then <c>sms-done</c></item>
/// <item><c>quit</c></item>
/// </list>
/// </remarks>
internal static class LoadServer
{
    public const string Verb = "load-server";
    public const string Sender = "+15550001111";

    /// <summary>The code the SMS to identity <paramref name="index"/> carries.</summary>
    public static string CodeFor(int index) => (100_000 + index).ToString("D6", CultureInfo.InvariantCulture);

    public static async Task<int> RunAsync(string[] args)
    {
        FileDescriptorLimit.RaiseToHardLimit();
        var identities = int.Parse(args[0], CultureInfo.InvariantCulture);
        await using var server = await RaviTestServer.StartAsync(new RaviTestServerOptions
        {
            IdentityName = null,
            AccessTokenLifetime = TimeSpan.FromHours(2), // the run never refreshes: refresh storms are measured elsewhere
        });

        var output = Console.Out;
        var uuids = new string[identities];
        await output.WriteLineAsync($"ready {server.BaseAddress} {server.AccessToken} {server.RefreshToken}");
        for (var i = 0; i < identities; i++)
        {
            uuids[i] = server.CreateIdentity($"load-{i:D5}").Uuid;
            await output.WriteLineAsync($"identity {uuids[i]}");
        }

        await output.WriteLineAsync("identities-done");
        await output.FlushAsync();

        while (await Console.In.ReadLineAsync() is { } line)
        {
            var parts = line.Split(' ');
            switch (parts[0])
            {
                case "streams":
                    await output.WriteLineAsync($"streams {server.ActiveStreamCount}");
                    break;
                case "publish":
                    var n = parts[1];
                    for (int i = int.Parse(parts[2], CultureInfo.InvariantCulture), end = i + int.Parse(parts[3], CultureInfo.InvariantCulture); i < end; i++)
                    {
                        server.PublishEvent(uuids[i], "load", $"{{\"identity\":\"{uuids[i]}\",\"n\":{n},\"sent\":{Stopwatch.GetTimestamp()}}}");
                    }

                    await output.WriteLineAsync("published");
                    break;
                case "sms":
                    var from = int.Parse(parts[1], CultureInfo.InvariantCulture);
                    var count = int.Parse(parts[2], CultureInfo.InvariantCulture);
                    var sent = new long[count];
                    for (var i = 0; i < count; i++)
                    {
                        sent[i] = Stopwatch.GetTimestamp();
                        server.InjectSms(uuids[from + i], Sender, $"Your verification code is {CodeFor(from + i)}. It expires in 10 minutes.");
                    }

                    for (var i = 0; i < count; i++)
                    {
                        await output.WriteLineAsync($"sms {from + i} {sent[i]}");
                    }

                    await output.WriteLineAsync("sms-done");
                    break;
                case "quit":
                    return 0;
                default:
                    await output.WriteLineAsync($"error unknown command '{parts[0]}'");
                    break;
            }

            await output.FlushAsync();
        }

        return 0;
    }
}
