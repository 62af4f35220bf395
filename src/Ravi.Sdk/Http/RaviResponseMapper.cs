using System.Text.Json;
using System.Text.Json.Serialization.Metadata;
using Microsoft.Extensions.Logging;
using Ravi.Sdk.Diagnostics;

namespace Ravi.Sdk.Http;

/// <summary>
/// Turns the responses the chain returns into what a call gives back: a non-success status into the matching
/// <see cref="RaviApiException"/> (with the credential's tokens redacted from its text), a JSON body into a model and a list
/// body into a <see cref="ListPage{T}"/>, mapping bad server data (malformed JSON, values of the wrong type, invalid UTF-8)
/// to <see cref="RaviApiException"/>. Bodies are read through <see cref="RaviResponseReader"/> (already buffered by the chain).
/// </summary>
internal sealed class RaviResponseMapper
{
    private readonly Auth.IRaviCredential _credential;
    private readonly TimeProvider _timeProvider;
    private readonly ILogger _logger;

    /// <summary>Creates the mapper of a client (its credential for redaction, its clock for <c>Retry-After</c>, its log).</summary>
    public RaviResponseMapper(RaviHandlerSettings settings)
    {
        _credential = settings.Credential;
        _timeProvider = settings.TimeProvider;
        _logger = settings.LoggerFactory.CreateLogger(RaviLogCategories.Http);
    }

    /// <summary>Turns a non-success response into the matching <see cref="RaviApiException"/>.</summary>
    /// <exception cref="RaviApiException">The status is not a success (a subclass per status).</exception>
    public async Task EnsureSuccessAsync(HttpResponseMessage response, CancellationToken cancellationToken)
    {
        if (response.IsSuccessStatusCode)
        {
            return;
        }

        var tokens = await CurrentTokensAsync(cancellationToken).ConfigureAwait(false);
        var exception = await RaviErrorFactory.CreateAsync(response, _timeProvider, cancellationToken, [tokens?.AccessToken, tokens?.RefreshToken]).ConfigureAwait(false);
        if (_logger.IsEnabled(LogLevel.Debug))
        {
            RaviLog.ApiError(_logger, (int)response.StatusCode, exception.Code, response.RequestMessage?.Method.Method, response.RequestMessage?.RequestUri?.AbsolutePath);
        }
        throw exception;
    }

    /// <summary>
    /// Deserializes a JSON body (already buffered by the chain, else read under the default size limit).
    /// </summary>
    /// <exception cref="RaviApiException">The body is not valid JSON for <typeparamref name="T"/>, or empty.</exception>
    public static async ValueTask<T> ReadJsonAsync<T>(HttpResponseMessage response, JsonTypeInfo<T> typeInfo, CancellationToken cancellationToken)
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

    /// <summary>Parses one page of a list: a bare JSON array or a <c>{count,next,previous,results}</c> page, read under <paramref name="limit"/>.</summary>
    /// <exception cref="RaviApiException">The body is not a valid list of <typeparamref name="T"/>, or larger than <paramref name="limit"/>.</exception>
    public static async ValueTask<ListPage<T>> ReadPageAsync<T>(HttpResponseMessage response, JsonTypeInfo<T> typeInfo, long limit, CancellationToken cancellationToken)
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

    /// <summary>The credential's current tokens, to redact from error text; null when there are none or they cannot be read.</summary>
    private async Task<Auth.RaviTokens?> CurrentTokensAsync(CancellationToken cancellationToken)
    {
        try
        {
            return await _credential.GetTokenAsync(cancellationToken).ConfigureAwait(false);
        }
        catch (Exception ex) when (ex is not OperationCanceledException)
        {
            return null; // the bearer token and the request's secrets are still redacted
        }
    }

    private static RaviApiException InvalidResponse(HttpResponseMessage response, string message, Exception? inner) =>
        new(message, new RaviErrorDetails { StatusCode = response.StatusCode }, inner);

    /// <summary>
    /// What System.Text.Json throws for bad server data: malformed JSON, and (from a converter called in place) a value of
    /// the wrong token type or a string that is not valid UTF-8 or not a valid value.
    /// </summary>
    private static bool IsInvalidData(Exception ex) => ex is JsonException or InvalidOperationException or FormatException;
}
