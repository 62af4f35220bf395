// Ravi.Sdk quickstart: the four steps of the Ravi integration guide.
//   1. provision an identity   2. receive an OTP   3. store and read back an encrypted credential   4. handle failures
// With no RAVI_BASE_URL / RAVI_ACCESS_TOKEN it starts the embedded Ravi.Sdk.Testing server and plays the external
// service itself (it "sends" the OTP). With them, it runs against that server (set RAVI_PIN to unlock the vault;
// set RAVI_OTP_TIMEOUT_SECONDS to give yourself time to send a real SMS to the printed number).
using Ravi.Sdk;
using Ravi.Sdk.Models;
using Ravi.Sdk.Otp;
using Ravi.Sdk.Testing;

var baseUrl = Environment.GetEnvironmentVariable("RAVI_BASE_URL");
var accessToken = Environment.GetEnvironmentVariable("RAVI_ACCESS_TOKEN");
var embedded = string.IsNullOrEmpty(baseUrl) || string.IsNullOrEmpty(accessToken);

await using var server = embedded ? await RaviTestServer.StartAsync(new RaviTestServerOptions { IdentityName = null }) : null;
var options = new RaviClientOptions
{
    BaseAddress = server?.BaseAddress ?? new Uri(baseUrl!),
    AccessToken = server?.AccessToken ?? accessToken,
    RefreshToken = server?.RefreshToken ?? Environment.GetEnvironmentVariable("RAVI_REFRESH_TOKEN"),
    UseCliConfiguration = false,
    ApplicationId = "ravi-quickstart/1.0",
};

using var ravi = new RaviClient(options);
Console.WriteLine(embedded
    ? $"Using the embedded Ravi test server at {options.BaseAddress} (set RAVI_BASE_URL and RAVI_ACCESS_TOKEN to use a real account)."
    : $"Using {options.BaseAddress}.");

try
{
    // 1. Provision an identity: one email inbox + one phone number + one vault.
    Step(1, "Provision an identity");
    var identity = await ravi.Identities.CreateAsync($"quickstart-{Guid.NewGuid():N}"[..20]);
    Console.WriteLine($"   identity {identity.Name} ({identity.Uuid})");
    Console.WriteLine($"   email    {identity.Inbox}");
    Console.WriteLine($"   phone    {identity.PhoneNumber}");
    var agent = ravi.ForIdentity(identity.Uuid); // a cheap view: no shared "current identity" anywhere

    // 2. Use it in a workflow: sign up somewhere, then wait for the verification code.
    Step(2, "Receive an OTP");
    var otpTimeout = TimeSpan.FromSeconds(int.TryParse(Environment.GetEnvironmentVariable("RAVI_OTP_TIMEOUT_SECONDS"), out var s) ? s : 30);
    var wait = agent.Otp.WaitForSmsCodeAsync(new OtpWaitOptions { Timeout = otpTimeout });
    if (server is not null)
    {
        // Play the external service: it texts the agent a code (along with numbers that are not the code).
        server.InjectSms(identity.Uuid, "+15550001111", "Acme: your verification code is 482913. Order #55012 ships 2026-12-01.");
    }
    else
    {
        Console.WriteLine($"   send an SMS with a code to {identity.PhoneNumber} within {otpTimeout.TotalSeconds:0} s…");
    }

    var otp = await wait;
    Console.WriteLine($"   code {otp.Code} from {otp.From} (via {otp.Channel})");

    // 3. Store the resulting credential end-to-end encrypted, and read it back.
    Step(3, "Store and read back an encrypted credential");
    var pin = Environment.GetEnvironmentVariable("RAVI_PIN") ?? "246810";
    if (embedded)
    {
        await agent.Encryption.SetupAsync(pin);    // first-time setup: salt, public key and verifier go to the server
        Console.WriteLine("   set up end-to-end encryption with a 6-digit PIN");
    }

    await agent.Encryption.UnlockAsync(pin);        // Argon2id(PIN) → X25519 key, checked against the verifier
    var stored = await agent.Passwords.CreateAsync(new PasswordEntryRequest
    {
        Domain = "acme.example",
        Username = identity.Inbox,
        Password = await agent.Passwords.GeneratePasswordAsync(new GeneratePasswordOptions { Length = 24 }),
        Notes = $"signed up with OTP {otp.Code}",
    });
    var readBack = await agent.Passwords.GetAsync(stored.Uuid);
    Console.WriteLine($"   stored {readBack.Domain} for {readBack.Username}; password of {readBack.Password?.Length} characters decrypted locally");
    await agent.Vault.SetAsync("ACME_API_KEY", "sk-acme-" + Guid.NewGuid().ToString("N"));
    var apiKey = await agent.Vault.GetByKeyAsync("ACME_API_KEY");
    Console.WriteLine($"   vault secret ACME_API_KEY read back ({apiKey?.Value?[..8]}…)");

    using (var locked = new RaviClient(options))    // a client that never unlocked sees no plaintext
    {
        var opaque = await locked.ForIdentity(identity.Uuid).Passwords.GetAsync(stored.Uuid);
        Console.WriteLine($"   without the PIN the password is {(opaque.Password is null ? "unavailable" : "VISIBLE (bug!)")} (encrypted fields: {opaque.EncryptedFields})");
        if (opaque.Password is not null)
        {
            return 1;
        }
    }

    // 4. Handle failures: typed exceptions carry status, code, detail and retry-after.
    Step(4, "Handle failures");
    try
    {
        await ravi.Identities.CreateAsync(identity.Name);
    }
    catch (RaviConflictException ex)
    {
        Console.WriteLine($"   duplicate name → {ex.GetType().Name} ({(int)ex.StatusCode} {ex.Code}): {ex.Detail}");
    }

    try
    {
        await agent.Otp.WaitForEmailCodeAsync(new OtpWaitOptions { Timeout = TimeSpan.FromMilliseconds(300), Transport = OtpTransport.Polling });
    }
    catch (RaviWaitTimeoutException ex)
    {
        Console.WriteLine($"   no email yet → {ex.GetType().Name}: {ex.Message}");
    }

    try
    {
        await ravi.Vault.GetByKeyAsync("ACME_API_KEY"); // no identity on the root client
    }
    catch (RaviIdentityRequiredException ex)
    {
        Console.WriteLine($"   no identity → {ex.GetType().Name} (thrown before any request)");
    }

    try
    {
        await agent.Encryption.UnlockAsync(pin == "000000" ? "111111" : "000000");
    }
    catch (RaviCryptoException ex)
    {
        Console.WriteLine($"   wrong PIN → {ex.GetType().Name} ({ex.Kind})");
    }

    if (embedded)
    {
        await ravi.Identities.DeleteAsync(identity.Uuid);
    }

    Console.WriteLine();
    Console.WriteLine("Quickstart finished: identity provisioned, OTP received, credential stored encrypted and read back.");
    return 0;
}
catch (RaviException ex)
{
    Console.Error.WriteLine($"Quickstart failed: {ex.GetType().Name}: {ex.Message}");
    return 1;
}

static void Step(int number, string title)
{
    Console.WriteLine();
    Console.WriteLine($"{number}. {title}");
}
