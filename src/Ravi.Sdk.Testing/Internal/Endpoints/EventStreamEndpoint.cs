using System.Globalization;
using Microsoft.AspNetCore.Builder;
using Microsoft.AspNetCore.Http;

namespace Ravi.Sdk.Testing.Internal.Endpoints;

/// <summary>
/// <c>GET /api/events/stream/</c>: the identity's events as <c>text/event-stream</c>. Without <c>Last-Event-ID</c> only new
/// events are sent; with it, every logged event with a larger id is replayed first.
/// </summary>
internal static class EventStreamEndpoint
{
    public static void Map(WebApplication app, ServerState state) =>
        app.Handle("GET", ServerMiddleware.StreamPath, state, EndpointScope.Identity, context => Open(state, context));

    private static EventStreamResult Open(ServerState state, HttpContext context)
    {
        var identity = context.Caller().RequiredIdentity;
        long startAfter;
        long last;
        int life;
        lock (state.Sync)
        {
            startAfter = last = identity.LastEventId;
            life = identity.EventLife;
        }

        var lastEventId = context.Request.Headers["Last-Event-ID"].ToString().Trim();
        if (state.Options.EventIdPrefix is { Length: > 0 } prefix && lastEventId.StartsWith(prefix, StringComparison.Ordinal))
        {
            lastEventId = lastEventId[prefix.Length..];
        }

        if (long.TryParse(lastEventId, NumberStyles.None, CultureInfo.InvariantCulture, out var resumeAfter))
        {
            // After a restart the server does not know ids beyond its new counter: it starts from its first event.
            startAfter = life > 0 && resumeAfter > last ? 0 : resumeAfter;
        }

        startAfter = Math.Max(0, startAfter - state.Faults.ClaimReplay());
        return new EventStreamResult(state, identity, startAfter, life);
    }
}
