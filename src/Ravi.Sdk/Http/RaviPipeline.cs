using System.Runtime.CompilerServices;
using System.Text.Json.Serialization.Metadata;
using Microsoft.Extensions.Logging;
using Ravi.Sdk.Diagnostics;

namespace Ravi.Sdk.Http;

/// <summary>
/// The pipeline a <see cref="RaviClient"/> and all of its <see cref="RaviClient.ForIdentity(string)"/> views send through:
/// one call of a sub-client is one operation here — its span (<see cref="RaviOperation"/>), the call's
/// <see cref="RaviRequestOptions"/> (cancellation linked, the response reported), the send through the
/// <see cref="RaviHandlerChain"/>, and the response mapped by <see cref="RaviResponseMapper"/> into a model or an exception.
/// Requests come from <see cref="Requests"/>; lists are <see cref="RaviListing{TWire, T}"/>. Immutable after construction;
/// thread-safe.
/// </summary>
internal sealed class RaviPipeline : IDisposable
{
    private readonly RaviHandlerSettings _settings;
    private readonly RaviHandlerChain _handlers;
    private readonly RaviResponseMapper _responses;
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
        _settings = RaviHandlerSettings.Create(options, loggerFactory, credential);
        _handlers = new RaviHandlerChain(_settings, transport, disposeTransport);
        _responses = new RaviResponseMapper(_settings);
        Requests = new RaviRequestFactory(_settings);
    }

    /// <summary>Builds this client's requests.</summary>
    public RaviRequestFactory Requests { get; }

    /// <summary>The resolved settings this pipeline was built with (immutable).</summary>
    public RaviClientSettings Settings => _settings.Settings;

    /// <summary>The API host, always ending in <c>/</c>.</summary>
    public Uri BaseAddress => _settings.BaseAddress;

    /// <summary>The clock.</summary>
    public TimeProvider TimeProvider => _settings.TimeProvider;

    /// <summary>Supplies and renews the bearer token (see <see cref="RaviTokenRefreshHandler"/>); logins update it.</summary>
    public Auth.IRaviCredential Credential => _settings.Credential;

    /// <summary>Renews a refresh token the way the token handler does (sent at most once); for <c>Auth.RefreshTokenAsync</c>.</summary>
    public Auth.RaviTokenRefreshCallback RefreshCallback => _handlers.Refresh;

    /// <summary>The logger factory handlers and sub-clients log through.</summary>
    public ILoggerFactory LoggerFactory => _settings.LoggerFactory;

    /// <summary>Sends the request and deserializes a JSON response.</summary>
    public async Task<T> SendAsync<T>(HttpRequestMessage request, JsonTypeInfo<T> typeInfo, CancellationToken cancellationToken, [CallerFilePath] string callerFile = "", [CallerMemberName] string callerMember = "")
    {
        using var operation = RaviOperation.StartForCaller(callerFile, callerMember, BaseAddress);
        try
        {
            using (request)
            {
                using var call = RaviCallOptions.Link(RaviCallOptions.Of(request), cancellationToken);
                using var response = await SendCheckedAsync(request, call.Token).ConfigureAwait(false);
                var value = await RaviResponseMapper.ReadJsonAsync(response, typeInfo, call.Token).ConfigureAwait(false);
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
                using var response = await SendCheckedAsync(request, call.Token).ConfigureAwait(false);
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
        var response = await SendCheckedAsync(request, cancellationToken).ConfigureAwait(false);
        try
        {
            RaviCallOptions.Report(request, response);
            return response;
        }
        catch
        {
            response.Dispose(); // the caller's OnResponse threw: nobody else will dispose it
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
        new RaviListing<T, T>(this, relativePath, scope, identityUuid, typeInfo, null, filter,
            pagesBySize, callerFile, callerMember, requestOptions, cancellationToken);

    /// <summary>A list endpoint whose wire items become other models (e.g. decrypted vault secrets).</summary>
    public RaviAsyncPageable<T> List<TWire, T>(string relativePath, IdentityScope scope, string? identityUuid, JsonTypeInfo<TWire> typeInfo,
        Func<TWire, T> select, RaviRequestOptions? requestOptions, CancellationToken cancellationToken,
        [CallerFilePath] string callerFile = "", [CallerMemberName] string callerMember = "") =>
        new RaviListing<TWire, T>(this, relativePath, scope, identityUuid, typeInfo, select, null, false, callerFile, callerMember, requestOptions, cancellationToken);

    /// <summary>
    /// Sends a request through the handler chain and maps a non-success status to its <see cref="RaviApiException"/>
    /// (disposing that response). The request and the returned response are the caller's to dispose.
    /// </summary>
    public async ValueTask<HttpResponseMessage> SendCheckedAsync(HttpRequestMessage request, CancellationToken cancellationToken)
    {
        var response = await _handlers.SendAsync(request, cancellationToken).ConfigureAwait(false);
        try
        {
            await _responses.EnsureSuccessAsync(response, cancellationToken).ConfigureAwait(false);
            return response;
        }
        catch
        {
            response.Dispose();
            throw;
        }
    }

    public void Dispose()
    {
        if (Interlocked.Exchange(ref _disposed, 1) == 0)
        {
            Requests.Close();
            _handlers.Dispose();
        }
    }
}
