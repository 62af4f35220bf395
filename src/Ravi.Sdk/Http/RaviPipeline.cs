using System.Buffers;
using System.Net;
using System.Net.Http.Headers;
using System.Runtime.CompilerServices;
using System.Text.Encodings.Web;
using System.Text.Json;
using System.Text.Json.Serialization.Metadata;
using Microsoft.Extensions.Logging;
using Ravi.Sdk.Diagnostics;

namespace Ravi.Sdk.Http;

/// <summary>
/// The HTTP pipeline shared by a <see cref="RaviClient"/> and all of its <see cref="RaviClient.ForIdentity(string)"/> views:
/// builds requests (base address, identity header, user agent, JSON bodies), sends them through the handler chain
/// (auth, resilience) and turns responses into models or exceptions. Immutable after construction; thread-safe.
/// </summary>
internal sealed class RaviPipeline : IDisposable
{
    private static readonly MediaTypeWithQualityHeaderValue JsonAccept = new("application/json");
    private static readonly MediaTypeHeaderValue JsonContentType = new("application/json");
    private static readonly JsonWriterOptions BodyWriterOptions = new() { Encoder = JavaScriptEncoder.UnsafeRelaxedJsonEscaping };

    private readonly RaviHandlerChain _handlers;
    private readonly RaviHandlerSettings _handlerSettings;
    private readonly ILogger _logger;
    private int _disposed;

    /// <summary>Creates the pipeline over a transport handler.</summary>
    /// <param name="options">The client's resolved settings.</param>
    /// <param name="transport">The innermost handler (sockets, or forwarding to a caller's HttpClient).</param>
    /// <param name="disposeTransport">Whether the pipeline owns <paramref name="transport"/>.</param>
    /// <param name="loggerFactory">Where to log; <see langword="null"/> for the options' factory or none.</param>
    /// <param name="credential">The resolved credential; <see langword="null"/> for the explicit options only (no environment, no files).</param>
    /// <exception cref="ArgumentException">A handler added with <c>AddPolicy</c> cannot be used.</exception>
    public RaviPipeline(RaviClientSettings options, HttpMessageHandler transport, bool disposeTransport, ILoggerFactory? loggerFactory, Auth.IRaviCredential? credential = null)
    {
        // Everything the handlers read is resolved first, into an immutable object: they never see this pipeline.
        _handlerSettings = RaviHandlerSettings.Create(options, loggerFactory, credential);
        _handlers = new RaviHandlerChain(_handlerSettings, transport, disposeTransport);
        _logger = LoggerFactory.CreateLogger(RaviLogCategories.Http);
    }

    /// <summary>The resolved settings this pipeline was built with (immutable).</summary>
    public RaviClientSettings Settings => _handlerSettings.Settings;

    /// <summary>The API host, always ending in <c>/</c>.</summary>
    public Uri BaseAddress => _handlerSettings.BaseAddress;

    /// <summary>The clock.</summary>
    public TimeProvider TimeProvider => _handlerSettings.TimeProvider;

    /// <summary>Supplies and renews the bearer token (see <see cref="RaviTokenRefreshHandler"/>); logins update it.</summary>
    public Auth.IRaviCredential Credential => _handlerSettings.Credential;

    /// <summary>Renews a refresh token the way the token handler does (sent at most once); for <c>Auth.RefreshTokenAsync</c>.</summary>
    public Auth.RaviTokenRefreshCallback RefreshCallback => _handlers.Refresh;

    /// <summary>The logger factory handlers and sub-clients log through.</summary>
    public ILoggerFactory LoggerFactory => _handlerSettings.LoggerFactory;

    /// <summary>The User-Agent sent with every request.</summary>
    public string UserAgent => _handlerSettings.UserAgent;

    /// <summary>
    /// Creates the default owned transport. Automatic redirects are off: the resilience handler follows only the redirects
    /// <see cref="RaviRedirectPolicy"/> allows, as new attempts through the chain.
    /// </summary>
    public static SocketsHttpHandler CreateDefaultTransport() => new()
    {
        AllowAutoRedirect = false,
        PooledConnectionLifetime = TimeSpan.FromMinutes(5),
        AutomaticDecompression = DecompressionMethods.All,
        ConnectTimeout = TimeSpan.FromSeconds(15),
        EnableMultipleHttp2Connections = true,

        // A response disposed before its end is an event stream the caller stopped (every other body is read in full
        // inside the attempt): close its connection now instead of draining it for up to ResponseDrainTimeout (2 s), which
        // for a stream that never ends only keeps a socket open next to whatever the caller opens next.
        MaxResponseDrainSize = 0,

        // SSE resumes with Last-Event-ID, which WHATWG sends as UTF-8; SocketsHttpHandler refuses non-ASCII header
        // values unless an encoding is chosen for them.
        RequestHeaderEncodingSelector = static (name, _) =>
            string.Equals(name, RaviHeaders.LastEventId, StringComparison.OrdinalIgnoreCase) ? System.Text.Encoding.UTF8 : null,
    };

    /// <summary>
    /// Creates a request for an API path (relative to the base, e.g. <c>api/vault/</c>), adding identity, accept and user agent headers.
    /// Throws <see cref="RaviIdentityRequiredException"/> when the endpoint needs an identity and there is none, and
    /// <see cref="ArgumentException"/> when the call's <paramref name="requestOptions"/> are invalid (nothing is sent).
    /// </summary>
    public HttpRequestMessage CreateRequest(HttpMethod method, string relativePath, IdentityScope scope, string? identityUuid, RaviRequestOptions? requestOptions = null)
    {
        CheckIdentity(method, relativePath, scope, identityUuid);
        return CreateRequest(method, new Uri(BaseAddress, relativePath), scope, identityUuid, requestOptions);
    }

    /// <summary>Creates a request for an absolute API URI (a page link already checked to be on the API origin).</summary>
    public HttpRequestMessage CreateRequest(HttpMethod method, Uri uri, IdentityScope scope, string? identityUuid, RaviRequestOptions? requestOptions)
    {
        ObjectDisposedException.ThrowIf(Volatile.Read(ref _disposed) != 0, this);
        var request = new HttpRequestMessage(method, uri);
        ApplyHeaders(request, scope, identityUuid);
        RaviCallOptions.Apply(request, requestOptions);
        return request;
    }

    /// <summary>Throws when an endpoint needs an identity and none is set (no request is created).</summary>
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

    /// <summary>Sends the request and deserializes a JSON response.</summary>
    public async Task<T> SendAsync<T>(HttpRequestMessage request, JsonTypeInfo<T> typeInfo, CancellationToken cancellationToken, [CallerFilePath] string callerFile = "", [CallerMemberName] string callerMember = "")
    {
        using var operation = RaviOperation.StartForCaller(callerFile, callerMember, BaseAddress);
        try
        {
            using (request)
            {
                using var call = RaviCallOptions.Link(RaviCallOptions.Of(request), cancellationToken);
                using var response = await SendCoreAsync(request, call.Token).ConfigureAwait(false);
                await EnsureSuccessAsync(response, call.Token).ConfigureAwait(false);
                var value = await ReadJsonAsync(response, typeInfo, call.Token).ConfigureAwait(false);
                RaviCallOptions.Report(request, response);
                return value;
            }
        }
        catch (Exception ex)
        {
            operation.Fail(ex, cancellationToken, request);
            throw;
        }
    }

    /// <summary>Sends the request and expects a success status; the body (if any) is ignored.</summary>
    public async Task SendAsync(HttpRequestMessage request, CancellationToken cancellationToken, [CallerFilePath] string callerFile = "", [CallerMemberName] string callerMember = "")
    {
        using var operation = RaviOperation.StartForCaller(callerFile, callerMember, BaseAddress);
        try
        {
            using (request)
            {
                using var call = RaviCallOptions.Link(RaviCallOptions.Of(request), cancellationToken);
                using var response = await SendCoreAsync(request, call.Token).ConfigureAwait(false);
                await EnsureSuccessAsync(response, call.Token).ConfigureAwait(false);
                RaviCallOptions.Report(request, response);
            }
        }
        catch (Exception ex)
        {
            operation.Fail(ex, cancellationToken, request);
            throw;
        }
    }

    /// <summary>
    /// Sends the request and returns the response once its headers arrived (the body is not read), after checking the status.
    /// The caller disposes the response and links the call's cancellation for the life of the stream. Used for SSE.
    /// </summary>
    public async Task<HttpResponseMessage> SendForResponseAsync(HttpRequestMessage request, CancellationToken cancellationToken)
    {
        var response = await SendCoreAsync(request, cancellationToken).ConfigureAwait(false);
        try
        {
            await EnsureSuccessAsync(response, cancellationToken).ConfigureAwait(false);
            RaviCallOptions.Report(request, response);
            return response;
        }
        catch
        {
            response.Dispose();
            throw;
        }
    }

    /// <summary>
    /// Sends a request to another host without the bearer token or Ravi headers (the presigned upload PUT to the storage
    /// host), through the whole chain: the user's handlers, timeouts, retries of the idempotent PUT, the log line and span.
    /// No redirect is followed; a transport failure is a <see cref="RaviConnectionException"/>.
    /// </summary>
    public Task SendAnonymousAsync(HttpRequestMessage request, RaviRequestOptions? requestOptions, CancellationToken cancellationToken,
        [CallerFilePath] string callerFile = "", [CallerMemberName] string callerMember = "")
    {
        request.Options.Set(RaviHeaders.Anonymous, true);
        RaviCallOptions.Apply(request, requestOptions); // the caller's headers are for the API: stripped for another origin
        return SendAsync(request, cancellationToken, callerFile, callerMember); // one operation span, as every call
    }

    /// <summary>
    /// A lazily enumerated list endpoint (see <see cref="RaviListing{TWire, T}"/>): a bare JSON array is one page; a
    /// <c>{count,next,previous,results}</c> page is followed through <c>next</c> links on the API origin.
    /// </summary>
    public RaviAsyncPageable<T> List<T>(string relativePath, IdentityScope scope, string? identityUuid, JsonTypeInfo<T> typeInfo,
        RaviRequestOptions? requestOptions, CancellationToken cancellationToken, Func<T, bool>? filter = null, bool pagesBySize = false,
        [CallerFilePath] string callerFile = "", [CallerMemberName] string callerMember = "") =>
        new RaviListing<T, T>(this, relativePath, scope, identityUuid, typeInfo,
            filter is null ? RaviListing<T, T>.Identity : item => filter(item) ? item : default,
            pagesBySize, callerFile, callerMember, requestOptions, cancellationToken);

    /// <summary>A list endpoint whose wire items become other models (e.g. decrypted vault secrets).</summary>
    public RaviAsyncPageable<T> List<TWire, T>(string relativePath, IdentityScope scope, string? identityUuid, JsonTypeInfo<TWire> typeInfo,
        Func<TWire, T> select, RaviRequestOptions? requestOptions, CancellationToken cancellationToken,
        [CallerFilePath] string callerFile = "", [CallerMemberName] string callerMember = "") =>
        new RaviListing<TWire, T>(this, relativePath, scope, identityUuid, typeInfo, item => select(item), false, callerFile, callerMember, requestOptions, cancellationToken);

    /// <summary>
    /// Reads one page of a list: sends <c>GET</c> <paramref name="uri"/> (an API-origin URL), checks the status, parses a
    /// bare array or a page object under <see cref="RaviClientOptions.MaxResponseBytes"/>, and reports the response.
    /// </summary>
    internal async Task<(List<T> Items, string? Next, RaviResponse Response)> ReadPageAsync<T>(Uri uri, IdentityScope scope,
        string? identityUuid, JsonTypeInfo<T> typeInfo, RaviRequestOptions? requestOptions, CancellationToken cancellationToken)
    {
        using var request = CreateRequest(HttpMethod.Get, uri, scope, identityUuid, requestOptions);
        using var response = await SendCoreAsync(request, cancellationToken).ConfigureAwait(false);
        await EnsureSuccessAsync(response, cancellationToken).ConfigureAwait(false);
        var page = await ReadPageAsync(response, typeInfo, Settings.MaxResponseBytes, cancellationToken).ConfigureAwait(false);
        var info = RaviResponse.From(response);
        RaviCallOptions.Report(request, response, info);
        return (page.Items, page.Next, info);
    }

    /// <summary>Turns a non-success response into the matching <see cref="RaviApiException"/>.</summary>
    public async Task EnsureSuccessAsync(HttpResponseMessage response, CancellationToken cancellationToken)
    {
        if (response.IsSuccessStatusCode)
        {
            return;
        }

        var tokens = await CurrentTokensAsync(cancellationToken).ConfigureAwait(false);
        var exception = await RaviErrorFactory.CreateAsync(response, TimeProvider, cancellationToken, [tokens?.AccessToken, tokens?.RefreshToken]).ConfigureAwait(false);
        if (_logger.IsEnabled(LogLevel.Debug))
        {
            RaviLog.ApiError(_logger, (int)response.StatusCode, exception.Code, response.RequestMessage?.Method.Method, response.RequestMessage?.RequestUri?.AbsolutePath);
        }
        throw exception;
    }

    /// <summary>
    /// Deserializes a JSON body (already buffered by the chain, else read under the default size limit), mapping malformed
    /// JSON, values of the wrong type and invalid UTF-8 to <see cref="RaviApiException"/>.
    /// </summary>
    public static async Task<T> ReadJsonAsync<T>(HttpResponseMessage response, JsonTypeInfo<T> typeInfo, CancellationToken cancellationToken)
    {
        var body = await RaviResponseReader.ReadAsync(response, RaviClientOptions.DefaultMaxResponseBytes, cancellationToken).ConfigureAwait(false);
        T? value;
        try
        {
            value = JsonSerializer.Deserialize(body.Span, typeInfo);
        }
        catch (Exception ex) when (IsInvalidData(ex))
        {
            throw InvalidResponse(response, $"The response is not valid JSON for {typeof(T).Name}: {ex.Message}", ex);
        }

        return value ?? throw InvalidResponse(response, $"The response body was empty or null where {typeof(T).Name} was expected.", null);
    }

    public void Dispose()
    {
        if (Interlocked.Exchange(ref _disposed, 1) == 0)
        {
            _handlers.Dispose();
        }
    }

    /// <summary>The credential's current tokens, to redact from error text; null when there are none or they cannot be read.</summary>
    private async Task<Auth.RaviTokens?> CurrentTokensAsync(CancellationToken cancellationToken)
    {
        try
        {
            return await Credential.GetTokenAsync(cancellationToken).ConfigureAwait(false);
        }
        catch (Exception ex) when (ex is not OperationCanceledException)
        {
            return null; // the bearer token and the request's secrets are still redacted
        }
    }

    internal Task<HttpResponseMessage> SendCoreAsync(HttpRequestMessage request, CancellationToken cancellationToken) =>
        _handlers.SendAsync(request, cancellationToken);

    private static RaviApiException InvalidResponse(HttpResponseMessage response, string message, Exception? inner) =>
        new(message, new RaviErrorDetails { StatusCode = response.StatusCode }, inner);

    private void ApplyHeaders(HttpRequestMessage request, IdentityScope scope, string? identityUuid)
    {
        request.Headers.Accept.Add(JsonAccept);
        request.Headers.TryAddWithoutValidation("User-Agent", UserAgent);
        if (scope != IdentityScope.None && identityUuid is not null)
        {
            request.Headers.TryAddWithoutValidation(RaviHeaders.Identity, identityUuid);
        }
    }

    /// <summary>Resolves a page's <c>next</c> link against the base address; refuses one to another origin.</summary>
    internal Uri? ResolveNext(string? next)
    {
        if (string.IsNullOrEmpty(next))
        {
            return null;
        }

        if (!Uri.TryCreate(BaseAddress, next, out var uri))
        {
            throw new RaviException($"The server returned an invalid 'next' page link.");
        }

        if (!RaviOrigin.IsSame(uri, BaseAddress))
        {
            throw new RaviException($"Refusing to follow a 'next' page link to another origin ({uri.GetLeftPart(UriPartial.Authority)}): the bearer token would leak.");
        }

        return uri;
    }

    private static async Task<ListPage<T>> ReadPageAsync<T>(HttpResponseMessage response, JsonTypeInfo<T> typeInfo, long limit, CancellationToken cancellationToken)
    {
        // The chain buffered the page (pooled, size-limited, cleared when the response is disposed): one forward pass over it.
        var body = await RaviResponseReader.ReadAsync(response, limit, cancellationToken).ConfigureAwait(false);
        try
        {
            return ListPage<T>.Parse(body.Span, typeInfo);
        }
        catch (Exception ex) when (IsInvalidData(ex))
        {
            throw InvalidResponse(response, $"The response is not a valid list of {typeof(T).Name}: {ex.Message}", ex);
        }
    }

    /// <summary>
    /// What System.Text.Json throws for bad server data: malformed JSON, and (from a converter called in place) a value of
    /// the wrong token type or a string that is not valid UTF-8 or not a valid value.
    /// </summary>
    private static bool IsInvalidData(Exception ex) => ex is JsonException or InvalidOperationException or FormatException;
}
