using System.Net;
using System.Text;
using System.Text.Json.Nodes;
using RichardSzalay.MockHttp;

namespace Ravi.Sdk.Tests.Crypto;

/// <summary>A RaviClient over MockHttp that records every request that reaches the wire (method, path, body).</summary>
internal sealed class CryptoClientHarness : IDisposable
{
    public const string IdentityUuid = "3f2b1c4d-1111-4222-8333-944455556666";
    public const string OtherIdentityUuid = "7a6b5c4d-2222-4333-8444-a55566667777";
    public const string EntryUuid = "0e1d2c3b-3333-4444-8555-b66677778888";
    public const string Base = "https://ravi.test/";

    private readonly HttpClient _http;

    public CryptoClientHarness(RaviArgon2Implementation argon2 = RaviArgon2Implementation.Auto)
    {
        Mock = new MockHttpMessageHandler();
        Mock.Fallback.Respond(HttpStatusCode.NotImplemented);
        _http = new HttpClient(new Recorder(this, Mock));
        Client = new RaviClient(_http, new RaviClientOptions
        {
            BaseAddress = new Uri(Base),
            AccessToken = "t",
            IdentityUuid = IdentityUuid,
            Argon2Implementation = argon2,
        });
    }

    public MockHttpMessageHandler Mock { get; }

    public RaviClient Client { get; }

    public List<(HttpMethod Method, string Path, string? Body)> Requests { get; } = [];

    public static string MetadataJson(string? salt, string? publicKey, string? verifier)
    {
        var node = new JsonObject { ["id"] = 1, ["salt"] = salt, ["public_key"] = publicKey, ["verifier"] = verifier };
        return node.ToJsonString();
    }

    public static string MetadataJson(CliIdentity identity, string verifier) =>
        MetadataJson(identity.SaltBase64, identity.PublicKeyBase64, verifier);

    public void RespondMetadata(string json) =>
        Mock.When(HttpMethod.Get, Base + "api/encryption/").Respond("application/json", json);

    public void RespondJson(HttpMethod method, string path, string json) =>
        Mock.When(method, Base + path).Respond("application/json", json);

    /// <summary>Answers with the request body plus the fields a server adds (echo).</summary>
    public void EchoJson(HttpMethod method, string path, Action<JsonObject>? addFields = null) =>
        Mock.When(method, Base + path).Respond(async request =>
        {
            var body = JsonNode.Parse(await request.Content!.ReadAsStringAsync())!.AsObject();
            addFields?.Invoke(body);
            return new HttpResponseMessage(HttpStatusCode.OK) { Content = new StringContent(body.ToJsonString(), Encoding.UTF8, "application/json") };
        });

    public void Dispose()
    {
        Client.Dispose();
        _http.Dispose();
        Mock.Dispose();
    }

    private sealed class Recorder(CryptoClientHarness owner, HttpMessageHandler inner) : DelegatingHandler(inner)
    {
        protected override async Task<HttpResponseMessage> SendAsync(HttpRequestMessage request, CancellationToken cancellationToken)
        {
            string? body = request.Content is null ? null : await request.Content.ReadAsStringAsync(cancellationToken);
            lock (owner.Requests)
            {
                owner.Requests.Add((request.Method, request.RequestUri!.AbsolutePath, body));
            }

            return await base.SendAsync(request, cancellationToken);
        }
    }
}
