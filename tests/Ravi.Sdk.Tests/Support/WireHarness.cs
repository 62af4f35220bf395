using System.Net;
using RichardSzalay.MockHttp;

namespace Ravi.Sdk.Tests.Support;

/// <summary>
/// A <see cref="RaviClient"/> over a MockHttp handler with a recorder in front of it, so tests can assert the exact
/// bytes on the wire. Requests nobody expected fail with <see cref="UnexpectedRequestException"/>.
/// </summary>
internal sealed class WireHarness : IDisposable
{
    public const string Token = "tok";
    public const string IdentityUuid = "5a0e8c1f-3b2d-4e6a-9f10-7c2b1d4e5f60";
    public const string Base = "https://ravi.test/";

    private readonly HttpClient _http;

    public WireHarness(Action<RaviClientOptions>? configure = null)
    {
        Mock.Fallback.Throw(new UnexpectedRequestException());
        Recorder = new RequestRecorder(Mock);
        _http = new HttpClient(Recorder);
        Options = new RaviClientOptions
        {
            BaseAddress = new Uri(Base),
            AccessToken = Token,
            UseCliConfiguration = false,
            MaxRetries = 0,
        };
        configure?.Invoke(Options);
        Client = new RaviClient(_http, Options);
        Scoped = Client.ForIdentity(IdentityUuid);
    }

    public MockHttpMessageHandler Mock { get; } = new();

    public RequestRecorder Recorder { get; }

    public RaviClientOptions Options { get; }

    /// <summary>The account-level client (no identity).</summary>
    public RaviClient Client { get; }

    /// <summary>A view scoped to <see cref="IdentityUuid"/>.</summary>
    public RaviClient Scoped { get; }

    public IReadOnlyList<RecordedRequest> Requests => Recorder.Requests;

    public MockedRequest Expect(HttpMethod method, string relativePathAndQuery) =>
        Mock.Expect(method, Base + relativePathAndQuery);

    public void ExpectJson(HttpMethod method, string relativePathAndQuery, string json, HttpStatusCode status = HttpStatusCode.OK) =>
        Expect(method, relativePathAndQuery).Respond(status, "application/json", json);

    /// <summary>Checks every expectation was met and returns the only request sent.</summary>
    public RecordedRequest SingleRequest()
    {
        Mock.VerifyNoOutstandingExpectation();
        return Assert.Single(Requests);
    }

    /// <summary>Checks every expectation was met and returns all requests, in order.</summary>
    public IReadOnlyList<RecordedRequest> AllRequests(int expectedCount)
    {
        Mock.VerifyNoOutstandingExpectation();
        var requests = Requests;
        Assert.Equal(expectedCount, requests.Count);
        return requests;
    }

    public void Dispose()
    {
        Client.Dispose();
        _http.Dispose();
        Mock.Dispose();
    }
}
