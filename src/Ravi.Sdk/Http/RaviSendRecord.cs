namespace Ravi.Sdk.Http;

/// <summary>
/// Travels in the options of each message the SDK forwards to an <c>IHttpClientFactory</c> client, so
/// <see cref="RaviReplayGuardHandler"/> can tell a replay by a handler below the SDK from the SDK's own next attempt
/// (which is always a fresh message with a fresh record). Thread-safe.
/// </summary>
internal sealed class RaviSendRecord
{
    private readonly Lock _sync = new();
    private int _sends;
    private bool _inFlight;
    private bool _replayAllowed;

    public RaviSendRecord(bool idempotent) => Idempotent = idempotent;

    /// <summary>Whether the request may be repeated without a second side effect (then every replay is allowed).</summary>
    public bool Idempotent { get; }

    /// <summary>
    /// Registers a send; <see langword="false"/> when it is a replay that is not safe: the message was sent before (or is
    /// in flight) and the last outcome does not prove the server left it unprocessed.
    /// </summary>
    public bool TryStart()
    {
        lock (_sync)
        {
            if (_inFlight || (_sends > 0 && !_replayAllowed))
            {
                return false;
            }

            _sends++;
            _inFlight = true;
            return true;
        }
    }

    /// <summary>Records how the send ended: <paramref name="unprocessed"/> when the server provably did not act on it (429, connection failed before sending).</summary>
    public void Finish(bool unprocessed)
    {
        lock (_sync)
        {
            _inFlight = false;
            _replayAllowed = unprocessed;
        }
    }

    /// <summary>
    /// Sends through <paramref name="send"/> as this record's one attempt, or throws <paramref name="refused"/>'s exception
    /// (sending nothing) while a send is in flight or after one that may have been processed. A 429, or a connection that
    /// failed before sending, leaves a later send allowed; anything else that may have reached the server does not.
    /// The one guard behind both handlers that refuse replays (<see cref="RaviReplayGuardHandler"/>, <see cref="RaviPolicyExit"/>).
    /// </summary>
    public async Task<HttpResponseMessage> SendOnceAsync(Func<Task<HttpResponseMessage>> send, Func<Exception> refused)
    {
        if (!TryStart())
        {
            throw refused();
        }

        var unprocessed = false;
        try
        {
            var response = await send().ConfigureAwait(false);
            unprocessed = response.StatusCode == System.Net.HttpStatusCode.TooManyRequests;
            return response;
        }
        catch (HttpRequestException ex) when (RaviRetryClassifier.FailedBeforeSending(ex))
        {
            unprocessed = true;
            throw;
        }
        finally
        {
            Finish(unprocessed);
        }
    }
}
