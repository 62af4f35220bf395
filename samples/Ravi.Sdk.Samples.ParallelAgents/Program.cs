// Twenty agents in one process, each with its own identity (inbox + phone), each waiting for its own OTP.
//
//   dotnet run --project samples/Ravi.Sdk.Samples.ParallelAgents [-- --agents 20]
//
// One RaviClient (one connection pool, one token, one refresh) serves every agent: client.ForIdentity(uuid) is a cheap
// immutable view that sends X-Ravi-Identity on its requests. There is no "current identity" to switch, so no
// RAVI_CONFIG_DIR juggling, no locks and no per-agent clients. With no RAVI_BASE_URL / RAVI_ACCESS_TOKEN it runs against an
// embedded RaviTestServer that texts every identity a different code; with them it provisions real identities, waits for
// codes you send them (RAVI_OTP_TIMEOUT_SECONDS, default 120), and deletes the identities afterwards.
using System.Collections.Concurrent;
using System.Diagnostics;
using System.Globalization;
using Ravi.Sdk;
using Ravi.Sdk.Otp;
using Ravi.Sdk.Testing;

var agentCount = args.Length == 2 && args[0] == "--agents" ? int.Parse(args[1], CultureInfo.InvariantCulture) : 20;
var baseUrl = Environment.GetEnvironmentVariable("RAVI_BASE_URL");
var accessToken = Environment.GetEnvironmentVariable("RAVI_ACCESS_TOKEN");
var embedded = string.IsNullOrEmpty(baseUrl) || string.IsNullOrEmpty(accessToken);

await using var server = embedded ? await RaviTestServer.StartAsync(new RaviTestServerOptions { IdentityName = null }) : null;
using var ravi = new RaviClient(new RaviClientOptions
{
    BaseAddress = server?.BaseAddress ?? new Uri(baseUrl!),
    AccessToken = server?.AccessToken ?? accessToken,
    RefreshToken = server?.RefreshToken ?? Environment.GetEnvironmentVariable("RAVI_REFRESH_TOKEN"),
    UseCliConfiguration = false, // everything explicit: never read or write ~/.ravi
    ApplicationId = "ravi-parallel-agents/1.0",
});

var otpTimeout = embedded
    ? TimeSpan.FromSeconds(20)
    : TimeSpan.FromSeconds(int.TryParse(Environment.GetEnvironmentVariable("RAVI_OTP_TIMEOUT_SECONDS"), out var s) ? s : 120);
var stopwatch = Stopwatch.StartNew();

// 1. Provision the identities concurrently over the one client.
var runId = Guid.NewGuid().ToString("N")[..6];
var identities = await Task.WhenAll(Enumerable.Range(1, agentCount).Select(i =>
    ravi.Identities.CreateAsync($"parallel-{runId}-{i:D2}")));
Console.WriteLine($"Provisioned {identities.Length} identities in {stopwatch.ElapsedMilliseconds} ms.");

try
{
    // 2. Every agent waits for its own code, concurrently, through its own view of the shared client. The wait starts
    //    before anything is sent and only accepts messages that arrive after it started.
    var received = new ConcurrentDictionary<string, OtpResult>();
    var agents = identities.Select(async identity =>
    {
        var agent = ravi.ForIdentity(identity.Uuid);
        var otp = await agent.Otp.WaitForSmsCodeAsync(new OtpWaitOptions { Timeout = otpTimeout });
        received[identity.Uuid] = otp;
        Console.WriteLine($"  {identity.Name} ({identity.PhoneNumber}) got {otp.Code} via {otp.Channel}");
    }).ToArray();

    // 3. Embedded mode: the "external service" texts each identity a different code, in random order.
    //    Real mode: you send them.
    var expected = new Dictionary<string, string>();
    if (server is not null)
    {
        var random = new Random();
        foreach (var identity in identities.OrderBy(_ => random.Next()))
        {
            string code;
            do
            {
                code = random.Next(100_000, 1_000_000).ToString(CultureInfo.InvariantCulture);
            }
            while (expected.ContainsValue(code));

            expected[identity.Uuid] = code;
            server.InjectSms(identity.Uuid, "+15550100300", $"Example: your verification code is {code}. Do not share it.");
        }
    }
    else
    {
        Console.WriteLine($"Send an SMS with a 4-8 digit code to each of these numbers within {otpTimeout.TotalSeconds:0} s:");
        foreach (var identity in identities)
        {
            Console.WriteLine($"  {identity.PhoneNumber}");
        }
    }

    await Task.WhenAll(agents);

    // 4. Isolation: every agent got exactly the code sent to its own identity.
    if (server is not null)
    {
        var wrong = identities.Count(i => received[i.Uuid].Code != expected[i.Uuid]);
        if (wrong > 0)
        {
            Console.Error.WriteLine($"{wrong} agent(s) got a code that was not theirs.");
            return 1;
        }
    }

    Console.WriteLine($"All {agentCount} agents got their own code in {stopwatch.ElapsedMilliseconds} ms over one shared RaviClient.");
    return 0;
}
catch (RaviException ex)
{
    Console.Error.WriteLine($"Not every agent got its code: {ex.GetType().Name}: {ex.Message}");
    return 1;
}
finally
{
    // 5. Clean up (a real account pays for its identities).
    await Task.WhenAll(identities.Select(i => ravi.Identities.DeleteAsync(i.Uuid)));
    Console.WriteLine($"Deleted {identities.Length} identities.");
}
