using System.Threading.Channels;
using Ravi.Sdk.Resources;

namespace Ravi.Sdk.Otp;

/// <summary>
/// Turns a wait's event stream into hints: a catch-up poll on every connection that does not resume from an event id, and a
/// conversation or thread per matching event; a fallback hint when the stream ends or fails.
/// </summary>
/// <remarks>
/// One connection per wait: an event that carries an id closes the stream before the waiter reads the conversation (on a
/// connection of its own, which then closes), and the stream resumes from that id (<c>Last-Event-ID</c>, so the server
/// replays whatever came meanwhile) only if the message did not match. The waiter signals that through the hint's
/// <see cref="OtpHint.Resume"/>. An event without an id cannot be resumed from, so the stream stays open while its
/// conversation is read.
/// </remarks>
internal static class OtpEventHints
{
    /// <summary>Streams the events until <paramref name="cancellationToken"/> ends the wait; never throws but for that.</summary>
    /// <param name="events">The identity's event stream.</param>
    /// <param name="source">Says which events announce a conversation or thread of the wait's channel.</param>
    /// <param name="criteria">The wait's filters (an event whose sender or subject rules it out is ignored).</param>
    /// <param name="requestOptions">The wait's request options, for the stream's requests.</param>
    /// <param name="hints">Where the hints go.</param>
    /// <param name="cancellationToken">Ends the stream.</param>
    public static async Task RunAsync(EventsClient events, IOtpMessageSource source, OtpCriteria criteria, RaviRequestOptions? requestOptions,
        ChannelWriter<OtpHint> hints, CancellationToken cancellationToken)
    {
        string? resumeFrom = null;
        try
        {
            while (true)
            {
                // A resumed stream needs no catch-up on its first connection: the server replays what came after the id.
                var catchUp = resumeFrom is null;
                var streamOptions = new Events.RaviEventStreamOptions
                {
                    LastEventId = resumeFrom,

                    // Auto: give up on the stream quickly and poll instead. Sse: keep reconnecting until the wait times out.
                    MaxReconnectAttempts = criteria.Options.Transport == OtpTransport.Auto ? 2 : Timeout.Infinite,
                    RequestOptions = requestOptions,
                };

                void Connected()
                {
                    if (catchUp)
                    {
                        hints.TryWrite(new OtpHint(OtpHintKind.PollAll));
                    }

                    catchUp = true; // a later reconnect of the same stream catches up again
                }

                string? pausedFor = null;
                await foreach (var e in events.StreamAsync(streamOptions, Connected, cancellationToken).ConfigureAwait(false))
                {
                    var container = source.ContainerOf(e, criteria);
                    if (container is null)
                    {
                        continue;
                    }

                    if (e.Id is null)
                    {
                        hints.TryWrite(new OtpHint(OtpHintKind.Container, container));
                        continue;
                    }

                    resumeFrom = e.Id;
                    pausedFor = container;
                    break; // leaving the enumeration closes the connection, before the waiter opens another
                }

                if (pausedFor is null)
                {
                    break;
                }

                var paused = new TaskCompletionSource(TaskCreationOptions.RunContinuationsAsynchronously);
                hints.TryWrite(new OtpHint(OtpHintKind.Container, pausedFor, Resume: paused));
                await paused.Task.WaitAsync(cancellationToken).ConfigureAwait(false);
            }

            hints.TryWrite(new OtpHint(OtpHintKind.Fallback, Reason: "the event stream ended"));
        }
        catch (OperationCanceledException) when (cancellationToken.IsCancellationRequested)
        {
            // The wait is over.
        }
#pragma warning disable CA1031 // any stream failure means "use polling" (Auto) or is reported to the waiter (Sse)
        catch (Exception ex)
#pragma warning restore CA1031
        {
            hints.TryWrite(new OtpHint(OtpHintKind.Fallback, Error: ex, Reason: $"{ex.GetType().Name}: {ex.Message}"));
        }
    }
}
