using System.Buffers;
using System.Net.Http.Headers;
using System.Text.Encodings.Web;
using System.Text.Json;
using System.Text.Json.Serialization.Metadata;

namespace Ravi.Sdk.Http;

/// <summary>
/// Builds the requests of a client and its views: the API URI under the base address, the identity header (checked first
/// where the endpoint needs one), <c>Accept</c>, the User-Agent, the call's <see cref="RaviRequestOptions"/> and JSON bodies.
/// Thread-safe; refuses to build once its client is disposed.
/// </summary>
internal sealed class RaviRequestFactory
{
    private static readonly MediaTypeWithQualityHeaderValue JsonAccept = new("application/json");
    private static readonly MediaTypeHeaderValue JsonContentType = new("application/json");
    private static readonly JsonWriterOptions BodyWriterOptions = new() { Encoder = JavaScriptEncoder.UnsafeRelaxedJsonEscaping };

    private readonly Uri _baseAddress;
    private readonly string _userAgent;
    private int _closed;

    /// <summary>Creates the factory for the API <paramref name="settings"/> name (base address and User-Agent).</summary>
    public RaviRequestFactory(RaviHandlerSettings settings)
    {
        _baseAddress = settings.BaseAddress;
        _userAgent = settings.UserAgent;
    }

    /// <summary>
    /// Creates a request for an API path (relative to the base, e.g. <c>api/vault/</c>), adding identity, accept and user agent headers.
    /// </summary>
    /// <exception cref="RaviIdentityRequiredException">The endpoint needs an identity and there is none.</exception>
    /// <exception cref="ArgumentException">The call's <paramref name="requestOptions"/> are invalid (nothing is sent).</exception>
    /// <exception cref="ObjectDisposedException">The client was disposed.</exception>
    public HttpRequestMessage Create(HttpMethod method, string relativePath, IdentityScope scope, string? identityUuid, RaviRequestOptions? requestOptions = null)
    {
        CheckIdentity(method, relativePath, scope, identityUuid);
        return Create(method, new Uri(_baseAddress, relativePath), scope, identityUuid, requestOptions);
    }

    /// <summary>Creates a request for an absolute API URI (a page link already checked to be on the API origin).</summary>
    /// <exception cref="ArgumentException">The call's <paramref name="requestOptions"/> are invalid (nothing is sent).</exception>
    /// <exception cref="ObjectDisposedException">The client was disposed.</exception>
    public HttpRequestMessage Create(HttpMethod method, Uri uri, IdentityScope scope, string? identityUuid, RaviRequestOptions? requestOptions)
    {
        ObjectDisposedException.ThrowIf(Volatile.Read(ref _closed) != 0, typeof(RaviClient));
        var request = new HttpRequestMessage(method, uri);
        request.Headers.Accept.Add(JsonAccept);
        request.Headers.TryAddWithoutValidation("User-Agent", _userAgent);
        if (scope != IdentityScope.None && identityUuid is not null)
        {
            request.Headers.TryAddWithoutValidation(RaviHeaders.Identity, identityUuid);
        }

        RaviCallOptions.Apply(request, requestOptions);
        return request;
    }

    /// <summary>Throws when an endpoint needs an identity and none is set (no request is created).</summary>
    /// <exception cref="RaviIdentityRequiredException"><paramref name="scope"/> is required and <paramref name="identityUuid"/> is null.</exception>
    public static void CheckIdentity(HttpMethod method, string relativePath, IdentityScope scope, string? identityUuid)
    {
        if (scope == IdentityScope.Required && identityUuid is null)
        {
            var path = relativePath;
            var q = path.IndexOf('?', StringComparison.Ordinal);
            if (q >= 0)
            {
                path = path[..q];
            }

            throw new RaviIdentityRequiredException($"{method} /{path}");
        }
    }

    /// <summary>
    /// Sets a JSON body serialized through the source-generated context (in memory, so every attempt can resend it).
    /// Written with minimal escaping: an HTML email body goes out as <c>"&lt;p&gt;x&lt;/p&gt;"</c>, not <c>"\u003Cp\u003E…"</c>
    /// (the body is never embedded in HTML, so the default encoder's HTML-safe escaping only bloats and obscures it).
    /// </summary>
    public static void SetJsonBody<T>(HttpRequestMessage request, T body, JsonTypeInfo<T> typeInfo)
    {
        var buffer = new ArrayBufferWriter<byte>(256);
        using (var writer = new Utf8JsonWriter(buffer, BodyWriterOptions))
        {
            JsonSerializer.Serialize(writer, body, typeInfo);
        }

        var content = new RaviReplayableContent(buffer.WrittenSpan.ToArray());
        content.Headers.ContentType = JsonContentType;
        request.Content = content;
    }

    /// <summary>Refuses every later request (the client is being disposed).</summary>
    public void Close() => Volatile.Write(ref _closed, 1);
}
