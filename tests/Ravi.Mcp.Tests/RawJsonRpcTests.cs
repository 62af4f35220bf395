using System.Text.Json;
using System.Text.Json.Nodes;
using Ravi.Mcp.Tests.Support;

namespace Ravi.Mcp.Tests;

/// <summary>
/// MCP without the C# SDK: a hand-written JSON-RPC client over stdio bytes, Streamable HTTP and legacy SSE runs the
/// handshake at 2024-11-05, lists the tools, calls one and gets a tool error, exactly as Revka or oAI-Web would.
/// </summary>
[Collection(SharedServers.Name)]
public sealed class RawJsonRpcTests(McpServers servers)
{
    [Fact]
    public async Task Stdio_speaks_newline_delimited_json_rpc_and_stdout_carries_nothing_else()
    {
        await using var rpc = new RawRpc.Stdio(McpProcess.Start([], servers.Account.Environment()));

        await RunHandshakeAndCallsAsync(rpc);

        Assert.All(rpc.Received, line => Assert.Equal("2.0", JsonNode.Parse(line)!["jsonrpc"]!.GetValue<string>()));
    }

    [Fact]
    public async Task Streamable_http_serves_a_plain_http_client()
    {
        await using var rpc = new RawRpc.StreamableHttp(new Uri(servers.HttpBase, "/mcp"), McpServers.ApiKey);
        await RunHandshakeAndCallsAsync(rpc);
    }

    [Fact]
    public async Task Legacy_sse_serves_a_plain_http_client_at_slash_sse()
    {
        await using var rpc = await RawRpc.LegacySse.ConnectAsync(new Uri(servers.HttpBase, "/sse"), McpServers.ApiKey);
        await RunHandshakeAndCallsAsync(rpc);
    }

    [Fact]
    public async Task Legacy_sse_messages_are_also_accepted_at_slash_message()
    {
        await using var rpc = await RawRpc.LegacySse.ConnectAsync(new Uri(servers.HttpBase, "/sse"), McpServers.ApiKey);
        Assert.StartsWith("/mcp/message?sessionId=", rpc.MessageEndpoint.PathAndQuery, StringComparison.Ordinal);

        using var http = new HttpClient { Timeout = TimeSpan.FromSeconds(30) };
        using var request = new HttpRequestMessage(HttpMethod.Post, new Uri(servers.HttpBase, "/message" + rpc.MessageEndpoint.Query))
        {
            Content = new StringContent($$"""{"jsonrpc":"2.0","id":99,"method":"initialize","params":{{RawRpc.InitializeParams("2024-11-05")}}}""", System.Text.Encoding.UTF8, "application/json"),
        };
        request.Headers.Add("X-API-Key", McpServers.ApiKey);
        using var response = await http.SendAsync(request);
        Assert.Equal(System.Net.HttpStatusCode.Accepted, response.StatusCode);
    }

    private static async Task RunHandshakeAndCallsAsync(RawRpc rpc)
    {
        var initialized = await rpc.RequestAsync("initialize", RawRpc.InitializeParams("2024-11-05"));
        var result = initialized["result"]!;
        Assert.Equal("2024-11-05", result["protocolVersion"]!.GetValue<string>());
        Assert.Equal("ravi", result["serverInfo"]!["name"]!.GetValue<string>());
        Assert.Contains("identity", result["instructions"]!.GetValue<string>(), StringComparison.Ordinal);
        Assert.NotNull(result["capabilities"]!["tools"]);
        await rpc.NotifyAsync("notifications/initialized");

        Assert.NotNull((await rpc.RequestAsync("ping"))["result"]);

        var tools = (await rpc.RequestAsync("tools/list"))["result"]!["tools"]!.AsArray();
        var waitForCode = tools.Single(t => t!["name"]!.GetValue<string>() == "wait_for_code")!;
        Assert.Equal("object", waitForCode["inputSchema"]!["type"]!.GetValue<string>());
        Assert.False(waitForCode["annotations"]!["readOnlyHint"]!.GetValue<bool>());

        var listed = (await rpc.RequestAsync("tools/call", """{"name":"list_identities","arguments":{}}"""))["result"]!;
        Assert.NotEqual(true, listed["isError"]?.GetValue<bool>());
        var text = listed["content"]![0]!["text"]!.GetValue<string>();
        Assert.True(JsonDocument.Parse(text).RootElement.GetProperty("identities").GetArrayLength() >= 1, text);

        var failed = (await rpc.RequestAsync("tools/call", """{"name":"get_identity","arguments":{"identity":42}}"""))["result"]!;
        Assert.True(failed["isError"]!.GetValue<bool>());
        Assert.Contains("'identity'", failed["content"]![0]!["text"]!.GetValue<string>(), StringComparison.Ordinal);

        var unknown = await rpc.RequestAsync("tools/call", """{"name":"no_such_tool","arguments":{}}""");
        Assert.True(unknown["error"] is not null || unknown["result"]!["isError"]!.GetValue<bool>());
    }
}
