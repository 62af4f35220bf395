// A standalone Ravi test server: an in-memory RaviTestServer on 127.0.0.1 that runs until the process is stopped, so a
// program in another process (another SDK, a script, the official ravi CLI) can be tried against it.
//
//   dotnet run --project samples/Ravi.Sdk.Samples.TestServer                  # the documented API
//   dotnet run --project samples/Ravi.Sdk.Samples.TestServer -- --dialect cli # as the service the official CLI targets
//
// It prints the variables to point a client at it (the tokens are those of this throwaway, in-memory server, valid only
// while it runs) and serves until Ctrl+C or SIGTERM. RaviTestServer installs no signal handlers of its own, so either
// signal simply ends the process.
using Ravi.Sdk.Testing;

var dialect = RaviTestServerDialect.Documented;
var at = Array.IndexOf(args, "--dialect");
if (at >= 0 && (at + 1 >= args.Length || !Enum.TryParse(args[at + 1], ignoreCase: true, out dialect) || !Enum.IsDefined(dialect)))
{
    Console.Error.WriteLine($"Usage: --dialect {string.Join(" | ", Enum.GetNames<RaviTestServerDialect>())}");
    return 2;
}

await using var server = await RaviTestServer.StartAsync(new RaviTestServerOptions { Dialect = dialect });

Console.WriteLine($"RAVI_BASE_URL={server.BaseAddress}");
Console.WriteLine($"RAVI_ACCESS_TOKEN={server.AccessToken}");
Console.WriteLine($"RAVI_REFRESH_TOKEN={server.RefreshToken}");
Console.WriteLine($"RAVI_IDENTITY_UUID={server.Identity.Uuid}");
Console.WriteLine($"Serving the {dialect} dialect until stopped (Ctrl+C or SIGTERM).");
await Task.Delay(Timeout.Infinite);
return 0;
