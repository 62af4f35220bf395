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
        app.Handle("GET", ServerPipeline.StreamPath, state, EndpointScope.Identity, context => Open(state, context));

    private static EventStreamResult Open(ServerState state, HttpContext context)
    {
        var identity = context.Caller().RequiredIdentity;
        long startAfter;
        lock (state.Sync)
        {
            startAfter = identity.LastEventId;
        }

        var lastEventId = context.Request.Headers["Last-Event-ID"].ToString().Trim();
        if (long.TryParse(lastEventId, NumberStyles.None, CultureInfo.InvariantCulture, out var resumeAfter))
        {
            startAfter = resumeAfter;
        }

        return new EventStreamResult(state, identity, startAfter);
    }
}
