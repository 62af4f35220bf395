using Microsoft.AspNetCore.Http;
using Microsoft.AspNetCore.Http.Features;

namespace Ravi.Sdk.Testing.Internal;

/// <summary>
/// Runs one event-stream connection: optional <c>retry:</c>, then the identity's events after <c>startAfter</c> as they are
/// logged, with <c>: keepalive</c> comments every <see cref="RaviTestServerOptions.KeepAliveInterval"/>, until the client
/// leaves, the identity is deleted, the server stops or a stream fault cuts it.
/// </summary>
internal sealed class EventStreamResult(ServerState state, IdentityRecord identity, long startAfter, int life) : IResult
{
    private const int BatchSize = 512;

    public async Task ExecuteAsync(HttpContext httpContext)
    {
        var response = httpContext.Response;
        response.StatusCode = StatusCodes.Status200OK;
        response.ContentType = "text/event-stream; charset=utf-8";
        response.Headers.CacheControl = "no-cache";
        response.Headers["X-Accel-Buffering"] = "no";
        httpContext.Features.Get<IHttpResponseBodyFeature>()?.DisableBuffering();

        using var connection = CancellationTokenSource.CreateLinkedTokenSource(httpContext.RequestAborted, state.Stopping);
        var cancellationToken = connection.Token;
        var writer = new SseWriter(httpContext, state.Faults, state.Options.EventIdPrefix);
        state.StreamOpened();
        try
        {
            await response.StartAsync(cancellationToken).ConfigureAwait(false);
            await response.Body.FlushAsync(cancellationToken).ConfigureAwait(false);
            if (state.Options.StreamRetry is { } retry && !await writer.WriteRetryAsync(retry, cancellationToken).ConfigureAwait(false))
            {
                return;
            }

            var keepAlive = Task.Delay(state.Options.KeepAliveInterval, state.Time, cancellationToken);
            var lastSent = startAfter;
            while (!cancellationToken.IsCancellationRequested)
            {
                StoredEvent[] batch;
                Task changed;
                bool deleted;
                lock (state.Sync)
                {
                    if (identity.EventLife != life)
                    {
                        httpContext.Abort(); // the server "restarted": this connection dies with it
                        return;
                    }

                    var from = (int)Math.Min(Math.Max(lastSent, 0), identity.Events.Count);
                    batch = [.. identity.Events.GetRange(from, Math.Min(BatchSize, identity.Events.Count - from))];
                    changed = identity.EventsChanged.Task;
                    deleted = identity.Deleted;
                }

                if (batch.Length > 0)
                {
                    for (var i = 0; i < batch.Length; i++)
                    {
                        if (!await writer.WriteEventAsync(batch[i], flush: i == batch.Length - 1, cancellationToken).ConfigureAwait(false))
                        {
                            return;
                        }

                        lastSent = batch[i].Id;
                    }

                    continue;
                }

                if (deleted)
                {
                    return;
                }

                if (await Task.WhenAny(changed, keepAlive).ConfigureAwait(false) == keepAlive)
                {
                    if (keepAlive.IsCanceled || !await writer.WriteCommentAsync("keepalive", cancellationToken).ConfigureAwait(false))
                    {
                        return;
                    }

                    keepAlive = Task.Delay(state.Options.KeepAliveInterval, state.Time, cancellationToken);
                }
            }
        }
        catch (OperationCanceledException) when (cancellationToken.IsCancellationRequested)
        {
            // The client left or the server is stopping.
        }
        finally
        {
            state.StreamClosed();
        }
    }
}
