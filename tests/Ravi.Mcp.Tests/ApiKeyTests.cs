using System.Net;
using System.Text;
using Ravi.Mcp.Tests.Support;

namespace Ravi.Mcp.Tests;

/// <summary>The HTTP transports require the API key on every endpoint, as a bearer token or X-API-Key; anything else is 401.</summary>
[Collection(SharedServers.Name)]
public sealed class ApiKeyTests(McpServers servers)
{
    private const string Initialize =
        """{"jsonrpc":"2.0","id":1,"method":"initialize","params":{"protocolVersion":"2024-11-05","capabilities":{},"clientInfo":{"name":"curl","version":"1"}}}""";

    public static TheoryData<string, string?, string?> Rejected() => new()
    {
        { "/mcp", null, null },
        { "/mcp", "Authorization", "Bearer wrong-key" },
        { "/mcp", "X-API-Key", "wrong-key" },
        { "/mcp", "Authorization", "Basic " + Convert.ToBase64String(Encoding.ASCII.GetBytes("user:" + McpServers.ApiKey)) },
        { "/mcp", "X-API-Key", McpServers.ApiKey + "x" },
        { "/mcp", "X-API-Key", McpServers.ApiKey[..^1] },
        { "/sse", null, null },
        { "/sse", "Authorization", "Bearer wrong-key" },
        { "/message?sessionId=abc", null, null },
        { "/mcp/message?sessionId=abc", "X-API-Key", "wrong-key" },
    };

    [Theory]
    [MemberData(nameof(Rejected))]
    public async Task Requests_without_the_right_key_get_401(string path, string? header, string? value)
    {
        using var http = new HttpClient { BaseAddress = servers.HttpBase, Timeout = TimeSpan.FromSeconds(30) };
        using var request = new HttpRequestMessage(path == "/sse" ? HttpMethod.Get : HttpMethod.Post, path);
        if (request.Method == HttpMethod.Post)
        {
            request.Content = new StringContent(Initialize, Encoding.UTF8, "application/json");
        }

        request.Headers.Accept.ParseAdd("application/json");
        request.Headers.Accept.ParseAdd("text/event-stream");
        if (header is not null)
        {
            request.Headers.TryAddWithoutValidation(header, value);
        }

        using var response = await http.SendAsync(request, HttpCompletionOption.ResponseHeadersRead);

        Assert.Equal(HttpStatusCode.Unauthorized, response.StatusCode);
        Assert.Contains("Bearer", response.Headers.WwwAuthenticate.ToString(), StringComparison.Ordinal);
        var body = await response.Content.ReadAsStringAsync();
        Assert.DoesNotContain(McpServers.ApiKey, body, StringComparison.Ordinal);
        Assert.DoesNotContain(servers.Http.Stderr, line => line.Contains(McpServers.ApiKey, StringComparison.Ordinal));
    }

    [Theory]
    [InlineData("Authorization", "Bearer " + McpServers.ApiKey)]
    [InlineData("X-API-Key", McpServers.ApiKey)]
    public async Task The_key_is_accepted_as_a_bearer_token_or_an_x_api_key_header(string header, string value)
    {
        using var http = new HttpClient { BaseAddress = servers.HttpBase, Timeout = TimeSpan.FromSeconds(30) };
        using var request = new HttpRequestMessage(HttpMethod.Post, "/mcp") { Content = new StringContent(Initialize, Encoding.UTF8, "application/json") };
        request.Headers.Accept.ParseAdd("application/json");
        request.Headers.Accept.ParseAdd("text/event-stream");
        request.Headers.TryAddWithoutValidation(header, value);

        using var response = await http.SendAsync(request);

        Assert.Equal(HttpStatusCode.OK, response.StatusCode);
        Assert.Contains("\"protocolVersion\":\"2024-11-05\"", await response.Content.ReadAsStringAsync(), StringComparison.Ordinal);
    }

    [Theory]
    [InlineData(McpTransport.StreamableHttp)]
    [InlineData(McpTransport.LegacySse)]
    public async Task The_mcp_client_without_the_key_cannot_connect(McpTransport transport)
    {
        var error = await Assert.ThrowsAnyAsync<Exception>(() => servers.ConnectAsync(transport, ProtocolVersions.Oldest, apiKey: null));
        Assert.Contains("401", error.ToString(), StringComparison.Ordinal);
    }
}
