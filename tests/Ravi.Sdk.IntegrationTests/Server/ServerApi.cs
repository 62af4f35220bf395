using System.Net;
using System.Net.Http.Headers;
using System.Text;
using System.Text.Json.Nodes;
using Ravi.Sdk.Testing;

namespace Ravi.Sdk.IntegrationTests.Server;

/// <summary>A plain-HttpClient caller for <see cref="RaviTestServer"/> (deliberately not the SDK).</summary>
internal sealed class ServerApi : IDisposable
{
    private readonly HttpClient _http;

    public ServerApi(RaviTestServer server, string? token = null, string? identity = null)
    {
        Server = server;
        _http = new HttpClient { BaseAddress = server.BaseAddress, Timeout = TimeSpan.FromSeconds(20) };
        Token = token ?? server.AccessToken;
        Identity = identity;
    }

    public RaviTestServer Server { get; }
    public HttpClient Http => _http;
    public string? Token { get; set; }
    public string? Identity { get; set; }

    public Task<ApiResponse> GetAsync(string path) => SendAsync(HttpMethod.Get, path);

    public Task<ApiResponse> PostAsync(string path, object? json = null) => SendAsync(HttpMethod.Post, path, json);

    public Task<ApiResponse> PutAsync(string path, object? json = null) => SendAsync(HttpMethod.Put, path, json);

    public Task<ApiResponse> PatchAsync(string path, object? json = null) => SendAsync(HttpMethod.Patch, path, json);

    public Task<ApiResponse> DeleteAsync(string path) => SendAsync(HttpMethod.Delete, path);

    /// <summary>Sends a request; <paramref name="json"/> is a raw JSON string or a JsonNode.</summary>
    public async Task<ApiResponse> SendAsync(HttpMethod method, string path, object? json = null, string contentType = "application/json")
    {
        using var request = CreateRequest(method, path);
        if (json is not null)
        {
            var text = json is string raw ? raw : ((JsonNode)json).ToJsonString();
            request.Content = new StringContent(text, Encoding.UTF8);
            request.Content.Headers.ContentType = MediaTypeHeaderValue.Parse(contentType);
        }

        return await SendAsync(request);
    }

    public HttpRequestMessage CreateRequest(HttpMethod method, string path)
    {
        var request = new HttpRequestMessage(method, path.TrimStart('/'));
        if (Token is not null)
        {
            request.Headers.Authorization = new AuthenticationHeaderValue("Bearer", Token);
        }

        if (Identity is not null)
        {
            request.Headers.Add("X-Ravi-Identity", Identity);
        }

        return request;
    }

    public async Task<ApiResponse> SendAsync(HttpRequestMessage request)
    {
        using var response = await _http.SendAsync(request);
        var text = await response.Content.ReadAsStringAsync();
        JsonNode? body = null;
        if (response.Content.Headers.ContentType?.MediaType == "application/json")
        {
            body = JsonNode.Parse(text);
        }

        return new ApiResponse(response.StatusCode, body, text, response.Headers, response.Content.Headers);
    }

    public void Dispose() => _http.Dispose();
}

internal sealed record ApiResponse(HttpStatusCode Status, JsonNode? Body, string Text, HttpResponseHeaders Headers, HttpContentHeaders ContentHeaders)
{
    public int Code => (int)Status;

    public JsonObject Object => Body as JsonObject ?? throw new Xunit.Sdk.XunitException($"Expected a JSON object, got {Code}: {Text}");

    public JsonArray Array => Body as JsonArray ?? throw new Xunit.Sdk.XunitException($"Expected a JSON array, got {Code}: {Text}");

    public string? ErrorCode => (Body as JsonObject)?["code"]?.GetValue<string>();

    public string? Str(string name) => Object[name]?.GetValue<string>();

    public ApiResponse Expect(int status)
    {
        if (Code != status)
        {
            throw new Xunit.Sdk.XunitException($"Expected HTTP {status}, got {Code}: {Text}");
        }

        return this;
    }
}
