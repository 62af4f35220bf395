using Microsoft.Extensions.Configuration;
using Microsoft.Extensions.DependencyInjection;
using Ravi.Sdk.Events;
using Ravi.Sdk.Models;
using Ravi.Sdk.Otp;
using Ravi.Sdk.Testing;

namespace Ravi.Sdk.IntegrationTests.Docs;

/// <summary>
/// The README's C# snippets, compiled and run against <see cref="RaviTestServer"/>. Each <c>#region snippet: name</c> is
/// the code of the README block marked <c>&lt;!-- snippet: name --&gt;</c>, verbatim (the README block may add lines
/// around it, such as a <c>using</c> directive or creating a client from the environment, which the test supplies);
/// <see cref="Readme_snippets_are_the_tested_code"/> fails when the two drift apart.
/// </summary>
[Collection(ConsoleOutputGroup.Name)]
public sealed class ReadmeSnippetTests : IAsyncLifetime, IDisposable
{
    private RaviTestServer _server = null!;
    private RaviClient _ravi = null!;
    private CapturedConsole _console = null!;

    public async Task InitializeAsync()
    {
        _server = await RaviTestServer.StartAsync(new RaviTestServerOptions { IdentityName = null });
        _ravi = new RaviClient(new RaviClientOptions
        {
            BaseAddress = _server.BaseAddress,
            AccessToken = _server.AccessToken,
            RefreshToken = _server.RefreshToken,
            UseCliConfiguration = false,
        });
        _console = new CapturedConsole();
    }

    public async Task DisposeAsync()
    {
        Dispose();
        var errors = _server.UnhandledErrors;
        await _server.DisposeAsync();
        Assert.Empty(errors);
    }

    public void Dispose()
    {
        _console?.Dispose();
        _ravi?.Dispose();
    }

    [Fact]
    public async Task Quickstart()
    {
        var ravi = _ravi;

        #region snippet: quickstart
        var identity = await ravi.Identities.CreateAsync("signup-agent");
        var agent = ravi.ForIdentity(identity.Uuid);

        await foreach (var thread in agent.EmailInbox.ListThreadsAsync(unreadOnly: true))
        {
            Console.WriteLine($"{thread.FromEmail}: {thread.Subject}");
        }
        #endregion

        Assert.Equal("signup-agent", (await ravi.Identities.GetAsync(identity.Uuid)).Name);
        Assert.Equal(identity.Uuid, agent.IdentityUuid);
        Assert.Equal("", _console.Text); // a new inbox is empty
    }

    [Fact]
    public async Task Identities()
    {
        var ravi = _ravi;

        #region snippet: identities
        var identity = await ravi.Identities.CreateAsync("shopping-agent");
        Console.WriteLine($"{identity.Name}: {identity.Inbox}, {identity.PhoneNumber}");

        var agents = new[] { "agent-a", "agent-b" }.Select(async name =>
        {
            var created = await ravi.Identities.CreateAsync(name);
            var agent = ravi.ForIdentity(created.Uuid); // no RAVI_CONFIG_DIR juggling, no per-agent client
            await foreach (var thread in agent.EmailInbox.ListThreadsAsync())
            {
                Console.WriteLine($"{created.Name} has mail from {thread.FromEmail}");
            }
        });
        await Task.WhenAll(agents);
        #endregion

        Assert.StartsWith($"shopping-agent: {identity.Inbox}, {identity.PhoneNumber}", _console.Text);
        var names = (await ravi.Identities.ListAsync().ToListAsync()).Select(i => i.Name).Order().ToArray();
        Assert.Equal(["agent-a", "agent-b", "shopping-agent"], names);
    }

    [Fact]
    public async Task Email()
    {
        var identity = await _ravi.Identities.CreateAsync("mail-agent");
        var agent = _ravi.ForIdentity(identity.Uuid);
        _server.InjectEmail(identity.Uuid, "shop@example.com", "Your order shipped", "It is on its way.");
        _server.InjectSms(identity.Uuid, "+15550104444", "Courier: arriving today");

        #region snippet: email
        var sent = await agent.EmailMessages.ComposeAsync(new ComposeEmailRequest
        {
            To = "support@example.com",
            Subject = "Order 1042",
            Body = "<p>Where is my order?</p>",
        });

        await foreach (var thread in agent.EmailInbox.ListThreadsAsync(unreadOnly: true))
        {
            var detail = await agent.EmailInbox.GetThreadAsync(thread.ThreadId);
            Console.WriteLine($"{thread.Subject}: {detail.Messages[^1].TextContent}");
        }

        await foreach (var conversation in agent.SmsInbox.ListConversationsAsync(unreadOnly: true))
        {
            Console.WriteLine($"SMS from {conversation.FromNumber}: {conversation.Preview}");
        }
        #endregion

        var email = Assert.Single(_server.SentEmails);
        Assert.Equal(sent.Id, email.MessageId);
        Assert.Equal("support@example.com", email.To);
        Assert.Equal("<p>Where is my order?</p>", email.Body);
        Assert.Contains("Your order shipped: It is on its way.", _console.Text);
        Assert.Contains("SMS from +15550104444: Courier: arriving today", _console.Text);
    }

    [Fact]
    public async Task Otp()
    {
        var identity = await _ravi.Identities.CreateAsync("otp-agent");
        var agent = _ravi.ForIdentity(identity.Uuid);
        Task SignUpAsync(Identity who)
        {
            _server.InjectSms(who.Uuid, "+15550105555", "Example: 2026 is here! Your verification code is 604213.");
            return Task.CompletedTask;
        }

        #region snippet: otp
        var wait = agent.Otp.WaitForSmsCodeAsync(new OtpWaitOptions { Timeout = TimeSpan.FromMinutes(2) });
        await SignUpAsync(identity);   // whatever makes the service send the code
        var otp = await wait;
        Console.WriteLine($"Code {otp.Code} from {otp.From}");
        #endregion

        Assert.Equal("Code 604213 from +15550105555\n", _console.Text);
    }

    [Fact]
    public async Task Events()
    {
        var identity = await _ravi.Identities.CreateAsync("event-agent");
        var agent = _ravi.ForIdentity(identity.Uuid);
        using var stop = new CancellationTokenSource(TimeSpan.FromSeconds(30));
        var stoppingToken = stop.Token;
        var traffic = Task.Run(async () =>
        {
            while (_server.ActiveStreamCount == 0)
            {
                await Task.Delay(5, stoppingToken);
            }

            _server.InjectSms(identity.Uuid, "+15550106666", "Hello by SMS");
            _server.InjectEmail(identity.Uuid, "hello@example.com", "Hello by email", "Body");
            while (!_console.Text.Contains("Email from", StringComparison.Ordinal))
            {
                await Task.Delay(5, stoppingToken);
            }

            await stop.CancelAsync(); // the snippet runs until its host stops it
        });

        await Assert.ThrowsAnyAsync<OperationCanceledException>(async () =>
        {
            #region snippet: events
            await foreach (var evt in agent.Events.StreamAsync(cancellationToken: stoppingToken))
            {
                switch (evt)
                {
                    case SmsReceived sms:
                        Console.WriteLine($"SMS from {sms.FromNumber}: {sms.Preview}");
                        break;
                    case EmailReceived email:
                        Console.WriteLine($"Email from {email.FromEmail}: {email.Subject}");
                        break;
                }
            }
            #endregion
        });

        await traffic;
        Assert.Equal("SMS from +15550106666: Hello by SMS\nEmail from hello@example.com: Hello by email\n", _console.Text);
    }

    [Fact]
    public async Task Vault()
    {
        var ravi = _ravi;
        var identity = await ravi.Identities.CreateAsync("vault-agent");
        var agent = ravi.ForIdentity(identity.Uuid);

        #region snippet: vault
        await ravi.Encryption.SetupAsync("482916");   // once per account: choose a 6-digit PIN
        await ravi.Encryption.UnlockAsync("482916");  // each session (or TryUnlockFromCliAsync() after `ravi login`)

        await agent.Vault.SetAsync("OPENAI_API_KEY", "sk-live-123");          // encrypted here, stored as ciphertext
        var secret = await agent.Vault.GetByKeyAsync("OPENAI_API_KEY");       // decrypted here
        var entry = await agent.Passwords.CreateAsync(new PasswordEntryRequest
        {
            Domain = "example.com",
            Username = identity.Inbox,
            Password = await agent.Passwords.GeneratePasswordAsync(),
        });
        Console.WriteLine($"{secret?.Key} = {secret?.Value}; {entry.Domain} password stored encrypted");
        #endregion

        Assert.Equal("OPENAI_API_KEY = sk-live-123; example.com password stored encrypted\n", _console.Text);
        var writes = _server.Requests.Where(r => r.Method == "POST" && r.Path is "/api/vault/" or "/api/passwords/").ToList();
        Assert.Equal(2, writes.Count);
        Assert.All(writes, w => Assert.Contains("\"e2e::", w.Body));
        Assert.DoesNotContain(writes, w => w.Body!.Contains("sk-live-123", StringComparison.Ordinal) ||
                                           w.Body.Contains(identity.Inbox!, StringComparison.Ordinal));
    }

    [Fact]
    public void Authentication()
    {
        #region snippet: authentication
        // After `ravi login` (or with RAVI_ACCESS_TOKEN set) no options are needed: the CLI's files are used and kept up to date.
        using var fromCli = new RaviClient(new RaviClientOptions());

        // A service with an API key (never refreshed) and nothing read from or written to disk:
        using var service = new RaviClient(new RaviClientOptions
        {
            AccessToken = Environment.GetEnvironmentVariable("RAVI_API_KEY") ?? "ravi_mgmt_example",
            UseCliConfiguration = false,
        });
        #endregion

        Assert.Equal(RaviClientOptions.DefaultBaseAddress, fromCli.BaseAddress);
        Assert.DoesNotContain("ravi_mgmt", service.ToString(), StringComparison.Ordinal);
    }

    [Fact]
    public async Task ApiKeyAgainstTheServer()
    {
        // The authentication snippet only constructs clients; this proves an API key works as a bearer credential.
        using var service = new RaviClient(new RaviClientOptions
        {
            BaseAddress = _server.BaseAddress,
            AccessToken = _server.CreateApiKey(),
            UseCliConfiguration = false,
        });
        Assert.Equal(_server.UserEmail, (await service.Auth.GetCurrentUserAsync()).Email);
    }

    [Fact]
    public async Task Errors()
    {
        var ravi = _ravi;
        await ravi.Identities.CreateAsync("shopping-agent");

        #region snippet: errors
        try
        {
            await ravi.Identities.CreateAsync("shopping-agent");
        }
        catch (RaviConflictException ex)
        {
            Console.WriteLine($"Name taken: {ex.Detail}");
        }
        catch (RaviRateLimitException ex)
        {
            Console.WriteLine($"Rate limited; retry after {ex.RetryAfter}");
        }
        #endregion

        Assert.StartsWith("Name taken: ", _console.Text);
    }

    [Fact]
    public async Task DependencyInjection()
    {
        var services = new ServiceCollection();
        var configuration = new ConfigurationBuilder().AddInMemoryCollection(new Dictionary<string, string?>
        {
            ["Ravi:BaseAddress"] = _server.BaseAddress.ToString(),
            ["Ravi:AccessToken"] = _server.AccessToken,
            ["Ravi:UseCliConfiguration"] = "false",
            ["Ravi:MaxRetries"] = "2",
        }).Build();

        #region snippet: dependency-injection
        services.AddRavi(configuration.GetSection("Ravi"));   // BaseAddress, IdentityUuid, MaxRetries, AttemptTimeout, ...

        using var provider = services.BuildServiceProvider();
        var client = provider.GetRequiredService<RaviClient>();
        #endregion

        var created = await client.Identities.CreateAsync("di-agent");
        Assert.Equal(created.Uuid, (await _ravi.Identities.GetAsync(created.Uuid)).Uuid);
    }

    [Fact]
    public async Task Testing()
    {
        #region snippet: testing
        await using var server = await RaviTestServer.StartAsync();
        using var ravi = new RaviClient(new RaviClientOptions
        {
            BaseAddress = server.BaseAddress,
            AccessToken = server.AccessToken,
            UseCliConfiguration = false,
        });
        var agent = ravi.ForIdentity(server.Identity.Uuid);

        var wait = agent.Otp.WaitForSmsCodeAsync();
        server.InjectSms(server.Identity.Uuid, "+15550100", "Your code is 482913");
        Assert.Equal("482913", (await wait).Code);

        server.FailNext(1, 503, pathPrefix: "/api/identities/");   // retried transparently
        Assert.NotEmpty(await ravi.Identities.ListAsync().ToListAsync());
        #endregion

        Assert.Equal(2, server.Requests.Count(r => r.Path == "/api/identities/"));
    }

    [Fact]
    public void Readme_snippets_are_the_tested_code() =>
        DocSnippets.AssertTested("README.md", Path.Combine("tests", "Ravi.Sdk.IntegrationTests", "Docs", "ReadmeSnippetTests.cs"));
}
