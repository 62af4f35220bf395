namespace Ravi.Sdk.Http;

/// <summary>Header names and request option keys used by the pipeline.</summary>
internal static class RaviHeaders
{
    public const string Identity = "X-Ravi-Identity";
    public const string RequestId = "X-Request-Id";
    public const string LastEventId = "Last-Event-ID";

    /// <summary>Marks a request that must not carry the bearer token (e.g. the presigned storage upload).</summary>
    public static readonly HttpRequestOptionsKey<bool> Anonymous = new("Ravi.Anonymous");

    /// <summary>Marks a request that may be retried even though it is a POST (it has no side effect on failure).</summary>
    public static readonly HttpRequestOptionsKey<bool> IdempotentPost = new("Ravi.IdempotentPost");

    /// <summary>What <see cref="RaviReplayGuardHandler"/> knows about a message forwarded to an <c>IHttpClientFactory</c> client.</summary>
    public static readonly HttpRequestOptionsKey<RaviSendRecord> SendRecord = new("Ravi.SendRecord");

    /// <summary>Marks a long-lived streaming request (SSE): no attempt or overall timeout, no retries.</summary>
    public static readonly HttpRequestOptionsKey<bool> Streaming = new("Ravi.Streaming");
}
