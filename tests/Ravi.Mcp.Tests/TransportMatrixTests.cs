using System.Collections.Concurrent;
using System.Text.Json;
using ModelContextProtocol;
using Ravi.Mcp.Tests.Support;
using Ravi.Sdk.Agents;

namespace Ravi.Mcp.Tests;

/// <summary>
/// The C# MCP client against ravi-mcp over stdio, Streamable HTTP and legacy SSE, each at 2024-11-05 (Revka) and at the
/// newest revision the transport can carry: the catalog is listed with portable schemas and annotations, a sign-up flow
/// works end to end, every tool answers bad arguments with an error naming the argument, and waits report progress.
/// </summary>
[Collection(SharedServers.Name)]
public sealed class TransportMatrixTests(McpServers servers)
{
    public static TheoryData<McpTransport, string> Connections()
    {
        var data = new TheoryData<McpTransport, string>();
        foreach (var transport in Enum.GetValues<McpTransport>())
        {
            data.Add(transport, ProtocolVersions.Oldest);
            data.Add(transport, ProtocolVersions.NewestFor(transport));
        }

        return data;
    }

    [Theory]
    [MemberData(nameof(Connections))]
    public async Task Negotiates_the_version_and_lists_the_whole_catalog_with_portable_schemas(McpTransport transport, string version)
    {
        var client = await servers.ClientAsync(transport, version);

        Assert.Equal(version, client.NegotiatedProtocolVersion);
        Assert.Equal("ravi", client.ServerInfo?.Name);
        var instructions = client.ServerInstructions ?? "";
        foreach (var word in new[] { "identity", "inbox", "wait_for_code", "vault", "not as instructions" })
        {
            Assert.Contains(word, instructions.Replace("never as instructions", "not as instructions"), StringComparison.OrdinalIgnoreCase);
        }

        var tools = await client.ListToolsAsync();
        Assert.Equal(RaviTools.ToolNames.Order(StringComparer.Ordinal), tools.Select(t => t.Name).Order(StringComparer.Ordinal));
        foreach (var tool in tools)
        {
            Assert.False(string.IsNullOrWhiteSpace(tool.Description), tool.Name);
            SchemaRules.AssertPortable(tool.Name, tool.JsonSchema);
            Assert.Equal("object", tool.ProtocolTool.OutputSchema?.GetProperty("type").GetString());
            var annotations = tool.ProtocolTool.Annotations;
            Assert.NotNull(annotations);
            Assert.False(string.IsNullOrWhiteSpace(annotations.Title), tool.Name);
            Assert.NotNull(annotations.ReadOnlyHint);
            Assert.NotNull(annotations.DestructiveHint);
            Assert.NotNull(annotations.IdempotentHint);
            Assert.NotNull(annotations.OpenWorldHint);
        }

        var byName = tools.ToDictionary(t => t.Name);
        Assert.True(byName["list_identities"].ProtocolTool.Annotations!.ReadOnlyHint);
        Assert.True(byName["delete_identity"].ProtocolTool.Annotations!.DestructiveHint);
        Assert.False(byName["wait_for_code"].ProtocolTool.Annotations!.ReadOnlyHint); // it consumes the code
        Assert.False(byName["create_identity"].ProtocolTool.Annotations!.ReadOnlyHint);
    }

    [Theory]
    [MemberData(nameof(Connections))]
    public async Task A_sign_up_flow_creates_an_identity_receives_the_code_and_keeps_the_password(McpTransport transport, string version)
    {
        var client = await servers.ClientAsync(transport, version);
        var name = $"signup-{transport.ToString().ToLowerInvariant()}-{version.Replace("-", "")}";

        var created = await client.CallOkAsync("create_identity", new() { ["name"] = name }, servers.Logs);
        var uuid = created.GetProperty("uuid").GetString()!;
        var onServer = await servers.Account.Client.Identities.GetAsync(uuid);
        Assert.Equal(name, onServer.Name);

        // The service the agent signs up with sends a code to the identity's phone.
        servers.Account.Server.InjectSms(uuid, "+15550142000", "Your Example verification code is 482913. It expires in 10 minutes.");
        var code = await client.CallOkAsync("wait_for_code", new() { ["identity"] = uuid, ["channel"] = "sms", ["timeout_seconds"] = 30 }, servers.Logs);
        Assert.Equal("482913", code.GetProperty("code").GetString());
        Assert.Equal("+15550142000", code.GetProperty("from").GetString());

        const string password = "correct+horse 42!";
        await client.CallOkAsync("save_password", new()
        {
            ["identity"] = uuid,
            ["domain"] = "example.com",
            ["username"] = created.GetProperty("email").GetString(),
            ["password"] = password,
        }, servers.Logs);
        var stored = await servers.Account.Client.ForIdentity(uuid).Passwords.ListAsync().FirstAsync();
        Assert.DoesNotContain(password, stored.Password ?? "", StringComparison.Ordinal); // the list carries no plaintext
        var read = await client.CallAsync("get_password", new() { ["identity"] = uuid, ["domain"] = "example.com" });
        Assert.True(read.IsError is null or false, ToolCalls.Text(read));
        Assert.Contains("\"password\":\"correct+horse 42!\"", ToolCalls.Text(read), StringComparison.Ordinal); // '+' as written
        Assert.Equal(password, JsonDocument.Parse(ToolCalls.Text(read)).RootElement.GetProperty("entries")[0].GetProperty("password").GetString());
    }

    [Theory]
    [MemberData(nameof(Connections))]
    public async Task Every_tool_answers_bad_arguments_with_an_error_that_names_the_argument(McpTransport transport, string version)
    {
        var client = await servers.ClientAsync(transport, version);
        var tools = await client.ListToolsAsync();

        foreach (var tool in tools)
        {
            var unknown = await client.CallAsync(tool.Name, new() { ["no_such_argument"] = 1 });
            Assert.True(unknown.IsError, $"{tool.Name} accepted an unknown argument: {ToolCalls.Text(unknown)}");
            Assert.Contains("no_such_argument", ToolCalls.Text(unknown), StringComparison.Ordinal);

            var schema = tool.JsonSchema;
            if (schema.TryGetProperty("required", out var required) && required.GetArrayLength() > 0)
            {
                var missing = await client.CallAsync(tool.Name, []);
                Assert.True(missing.IsError, $"{tool.Name} ran without its required arguments");
                Assert.Contains($"'{required[0].GetString()}'", ToolCalls.Text(missing), StringComparison.Ordinal);
            }

            foreach (var property in schema.GetProperty("properties").EnumerateObject())
            {
                object wrong = property.Value.GetProperty("type").GetString() == "string" ? 12345 : "not-a-number-or-bool";
                var result = await client.CallAsync(tool.Name, new() { [property.Name] = wrong });
                Assert.True(result.IsError, $"{tool.Name} accepted {property.Name}={wrong}: {ToolCalls.Text(result)}");
                Assert.Contains($"'{property.Name}'", ToolCalls.Text(result), StringComparison.Ordinal);
            }
        }
    }

    [Theory]
    [MemberData(nameof(Connections))]
    public async Task A_wait_reports_progress_when_the_client_asked_for_it(McpTransport transport, string version)
    {
        var client = await servers.ClientAsync(transport, version);
        var identity = servers.Account.Server.CreateIdentity($"progress-{transport.ToString().ToLowerInvariant()}-{version.Replace("-", "")}");
        var reports = new ConcurrentQueue<ProgressNotificationValue>();
        var first = new TaskCompletionSource(TaskCreationOptions.RunContinuationsAsynchronously);
        var progress = new SynchronousProgress(value =>
        {
            reports.Enqueue(value);
            first.TrySetResult();
        });

        var call = client.CallAsync("wait_for_code", new() { ["identity"] = identity.Uuid, ["channel"] = "email", ["timeout_seconds"] = 40 }, progress);
        await first.Task.WaitAsync(TimeSpan.FromSeconds(30));
        servers.Account.Server.InjectEmail(identity.Uuid, "noreply@example.com", "Your code", "Use 771205 to verify your address.");
        var result = await call;

        Assert.True(result.IsError is null or false, ToolCalls.Text(result));
        Assert.Contains("771205", ToolCalls.Text(result), StringComparison.Ordinal);
        var report = Assert.Single(reports.Take(1));
        Assert.Equal(40, report.Total);
        Assert.Contains("Waiting for", report.Message, StringComparison.Ordinal);
    }

    [Fact]
    public async Task An_echoed_huge_argument_is_cut()
    {
        var client = await servers.ClientAsync(McpTransport.StreamableHttp, ProtocolVersions.Oldest);
        var huge = new string('k', 1024 * 1024);

        var result = await client.CallAsync("get_identity", new() { ["identity"] = huge });

        Assert.True(result.IsError);
        Assert.InRange(ToolCalls.Text(result).Length, 1, 1000);
    }

    private sealed class SynchronousProgress(Action<ProgressNotificationValue> report) : IProgress<ProgressNotificationValue>
    {
        public void Report(ProgressNotificationValue value) => report(value);
    }
}
