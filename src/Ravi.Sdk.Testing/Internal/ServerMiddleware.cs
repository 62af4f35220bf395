using System.Text;
using System.Text.Json.Nodes;
using Microsoft.AspNetCore.Builder;
using Microsoft.AspNetCore.Http;

namespace Ravi.Sdk.Testing.Internal;

/// <summary>
/// The middleware in front of the endpoints: request recording and body buffering (with the size limit), JSON bodies
/// for every error (including routing's bare 404/405 and unexpected exceptions, which must never happen for bad
/// input), the trailing-slash rule, and the injected request faults.
/// </summary>
internal static class ServerMiddleware
{
    public const string StoragePrefix = "/_storage/";
    public const string StreamPath = "/api/events/stream/";
    private const string RefreshPath = "/api/auth/token/refresh/";

    public static void Configure(WebApplication app, ServerState state)
    {
        app.Use((context, next) => OuterAsync(state, context, next));
        app.Use((context, next) => FaultsAsync(state, context, next));
        app.UseRouting();
        app.UseEndpoints(_ => { });
    }

    private static async Task OuterAsync(ServerState state, HttpContext context, RequestDelegate next)
    {
        var request = context.Request;
        var path = request.Path.Value ?? "/";
        var headers = new Dictionary<string, string>(StringComparer.OrdinalIgnoreCase);
        foreach (var (name, values) in request.Headers)
        {
            headers[name] = values.ToString();
        }

        var record = state.RecordRequest(request.Method, path, request.QueryString.Value ?? "", headers);

        // Record the status as the headers go out, so a client that has its response always finds it in Requests.
        context.Response.OnStarting(static s =>
        {
            var (response, recorded) = ((HttpResponse, RaviRecordedRequest))s;
            recorded.StatusCode = response.StatusCode;
            return Task.CompletedTask;
        }, (context.Response, record));
        if (HttpMethods.IsPost(request.Method) && path.TrimEnd('/') == RefreshPath.TrimEnd('/'))
        {
            state.CountRefreshCall();
        }

        try
        {
            if (!path.StartsWith(StoragePrefix, StringComparison.Ordinal))
            {
                var body = await ReadBodyAsync(request, state.Options.MaxRequestBodyBytes, context.RequestAborted).ConfigureAwait(false);
                if (body is null)
                {
                    await Api.Error(StatusCodes.Status413PayloadTooLarge,
                        $"Request body is larger than the limit of {state.Options.MaxRequestBodyBytes} bytes.", "request_too_large")
                        .ExecuteAsync(context).ConfigureAwait(false);
                    return;
                }

                context.Items[RequestBody.ItemKey] = body;
                record.Body = Encoding.UTF8.GetString(body);
            }

            if (path.StartsWith("/api/", StringComparison.Ordinal) && !path.EndsWith('/'))
            {
                await Api.NotFound("Not found. API paths end with '/'.").ExecuteAsync(context).ConfigureAwait(false);
                return;
            }

            await next(context).ConfigureAwait(false);
        }
        catch (Exception) when (context.RequestAborted.IsCancellationRequested || state.Stopping.IsCancellationRequested)
        {
            // The client went away or the server is stopping: nothing to answer.
        }
        catch (BadHttpRequestException e)
        {
            if (!context.Response.HasStarted)
            {
                await Api.Error(e.StatusCode, e.Message, Api.DefaultCode(e.StatusCode)).ExecuteAsync(context).ConfigureAwait(false);
            }
        }
#pragma warning disable CA1031 // the server must answer every request; the error is kept for the test to see
        catch (Exception e)
#pragma warning restore CA1031
        {
            state.RecordError(e);
            if (context.Response.HasStarted)
            {
                context.Abort();
            }
            else
            {
                context.Response.Clear();
                await Api.Error(StatusCodes.Status500InternalServerError, "A server error occurred.", "server_error")
                    .ExecuteAsync(context).ConfigureAwait(false);
            }
        }
        finally
        {
            var response = context.Response;
            if (!response.HasStarted && response.StatusCode is StatusCodes.Status404NotFound or StatusCodes.Status405MethodNotAllowed
                && response.ContentType is null && !context.RequestAborted.IsCancellationRequested)
            {
                var body = response.StatusCode == StatusCodes.Status404NotFound
                    ? new JsonObject { ["detail"] = "Not found.", ["code"] = "not_found" }
                    : new JsonObject { ["detail"] = $"Method \"{request.Method}\" not allowed.", ["code"] = "method_not_allowed" };
                await new JsonBodyResult(response.StatusCode, body).ExecuteAsync(context).ConfigureAwait(false);
            }

            record.StatusCode = response.StatusCode;
        }
    }

    private static async Task FaultsAsync(ServerState state, HttpContext context, RequestDelegate next)
    {
        var method = context.Request.Method;
        var path = context.Request.Path.Value ?? "/";
        var faults = state.Faults;
        if (faults.Take(FaultKind.Delay, method, path) is { } delay)
        {
            using var linked = CancellationTokenSource.CreateLinkedTokenSource(context.RequestAborted, state.Stopping);
            await Task.Delay(delay.Delay, state.Time, linked.Token).ConfigureAwait(false);
        }

        if (faults.Take(FaultKind.FailBefore, method, path) is { } fail)
        {
            await InjectedError(fail).ExecuteAsync(context).ConfigureAwait(false);
            return;
        }

        if (path != StreamPath && faults.Take(FaultKind.FailAfter, method, path) is { } failAfter)
        {
            var original = context.Response.Body;
            using var discarded = new MemoryStream();
            context.Response.Body = discarded;
            try
            {
                await next(context).ConfigureAwait(false);
            }
            finally
            {
                context.Response.Body = original;
            }

            context.Response.Clear();
            await InjectedError(failAfter).ExecuteAsync(context).ConfigureAwait(false);
            return;
        }

        await next(context).ConfigureAwait(false);
    }

    private static IResult InjectedError(FaultRule rule) =>
        Api.Error(rule.StatusCode, $"Injected fault: HTTP {rule.StatusCode}.", rule.Code ?? Api.DefaultCode(rule.StatusCode), rule.RetryAfterSeconds);

    /// <summary>Reads the whole body, or returns <see langword="null"/> when it is over <paramref name="limit"/> bytes.</summary>
    private static async Task<byte[]?> ReadBodyAsync(HttpRequest request, int limit, CancellationToken cancellationToken)
    {
        if (request.ContentLength is { } length && length > limit)
        {
            return null;
        }

        if (request.ContentLength == 0)
        {
            return [];
        }

        using var buffer = new MemoryStream();
        var chunk = new byte[16 * 1024];
        int read;
        while ((read = await request.Body.ReadAsync(chunk, cancellationToken).ConfigureAwait(false)) > 0)
        {
            if (buffer.Length + read > limit)
            {
                return null;
            }

            buffer.Write(chunk, 0, read);
        }

        return buffer.ToArray();
    }
}
