using System.Globalization;
using System.Text;
using Microsoft.AspNetCore.Http;

namespace Ravi.Sdk.Testing.Internal;

/// <summary>
/// Writes event-stream frames for one connection and applies the stream fault it claims (the first armed fault when
/// it next writes): cut after N events, after N bytes (mid-line if so), or after a partial event.
/// Every method returns <see langword="false"/> once the connection has been cut.
/// </summary>
internal sealed class SseWriter(HttpContext context, FaultRegistry faults, string? idPrefix = null)
{
    private const int FlushThreshold = 16 * 1024;

    private StreamFault? _fault;
    private long _remaining;
    private int _unflushed;

    public async Task<bool> WriteRetryAsync(TimeSpan retry, CancellationToken cancellationToken) =>
        await WriteFrameAsync(Encoding.UTF8.GetBytes($"retry: {((long)retry.TotalMilliseconds).ToString(CultureInfo.InvariantCulture)}\n\n"),
            cancellationToken).ConfigureAwait(false);

    public async Task<bool> WriteCommentAsync(string comment, CancellationToken cancellationToken) =>
        await WriteFrameAsync(Encoding.UTF8.GetBytes($": {comment}\n\n"), cancellationToken).ConfigureAwait(false);

    public async Task<bool> WriteEventAsync(StoredEvent storedEvent, bool flush, CancellationToken cancellationToken)
    {
        if (!await ClaimAsync(cancellationToken).ConfigureAwait(false))
        {
            return false;
        }

        var frame = Format(storedEvent, idPrefix);
        if (_fault?.Kind == StreamFaultKind.PartialEvent)
        {
            // Everything but the blank line that would dispatch it: a conforming reader must discard this event.
            await WriteAsync(frame.AsMemory(0, frame.Length - 1), cancellationToken).ConfigureAwait(false);
            await CutAsync(cancellationToken).ConfigureAwait(false);
            return false;
        }

        if (!await WriteBudgetedAsync(frame, cancellationToken).ConfigureAwait(false))
        {
            return false;
        }

        if (_fault?.Kind == StreamFaultKind.DropAfterEvents && --_remaining <= 0)
        {
            await CutAsync(cancellationToken).ConfigureAwait(false);
            return false;
        }

        if (flush || _unflushed >= FlushThreshold)
        {
            await FlushAsync(cancellationToken).ConfigureAwait(false);
        }

        return true;
    }

    public static byte[] Format(StoredEvent storedEvent, string? idPrefix = null)
    {
        var text = new StringBuilder()
            .Append("id: ").Append(idPrefix).Append(storedEvent.Id.ToString(CultureInfo.InvariantCulture)).Append('\n')
            .Append("event: ").Append(storedEvent.Type).Append('\n');
        foreach (var line in storedEvent.Data.ReplaceLineEndings("\n").Split('\n'))
        {
            text.Append("data: ").Append(line).Append('\n');
        }

        return Encoding.UTF8.GetBytes(text.Append('\n').ToString());
    }

    private async Task<bool> WriteFrameAsync(byte[] frame, CancellationToken cancellationToken)
    {
        if (!await ClaimAsync(cancellationToken).ConfigureAwait(false)
            || !await WriteBudgetedAsync(frame, cancellationToken).ConfigureAwait(false))
        {
            return false;
        }

        await FlushAsync(cancellationToken).ConfigureAwait(false);
        return true;
    }

    /// <summary>Claims an armed fault if this connection has none; cuts at once when it allows no more output.</summary>
    private async Task<bool> ClaimAsync(CancellationToken cancellationToken)
    {
        if (_fault is null && faults.ClaimStream() is { } fault)
        {
            _fault = fault;
            _remaining = fault.Count;
            if (fault.Kind != StreamFaultKind.PartialEvent && _remaining <= 0)
            {
                await CutAsync(cancellationToken).ConfigureAwait(false);
                return false;
            }
        }

        return true;
    }

    private async Task<bool> WriteBudgetedAsync(byte[] frame, CancellationToken cancellationToken)
    {
        if (_fault?.Kind != StreamFaultKind.DropAtByte)
        {
            await WriteAsync(frame, cancellationToken).ConfigureAwait(false);
            return true;
        }

        if (frame.Length < _remaining)
        {
            _remaining -= frame.Length;
            await WriteAsync(frame, cancellationToken).ConfigureAwait(false);
            return true;
        }

        await WriteAsync(frame.AsMemory(0, (int)_remaining), cancellationToken).ConfigureAwait(false);
        await CutAsync(cancellationToken).ConfigureAwait(false);
        return false;
    }

    private async Task WriteAsync(ReadOnlyMemory<byte> bytes, CancellationToken cancellationToken)
    {
        await context.Response.Body.WriteAsync(bytes, cancellationToken).ConfigureAwait(false);
        _unflushed += bytes.Length;
    }

    private async Task FlushAsync(CancellationToken cancellationToken)
    {
        await context.Response.Body.FlushAsync(cancellationToken).ConfigureAwait(false);
        _unflushed = 0;
    }

    /// <summary>
    /// Ends the connection: normally for a graceful fault, else by aborting it. The flush before the abort completes only
    /// once the socket has taken every byte (the server's socket transport has a 1-byte write buffer), so the client
    /// receives exactly what was written and then the connection closes mid-body.
    /// </summary>
    private async Task CutAsync(CancellationToken cancellationToken)
    {
        await FlushAsync(cancellationToken).ConfigureAwait(false);
        if (_fault is not { Graceful: true })
        {
            context.Abort();
        }
    }
}
