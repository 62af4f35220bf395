namespace Ravi.Sdk.Otp;

/// <summary>
/// The messages an <see cref="Resources.OtpClient"/> has already returned, so none is returned twice; bounded (oldest forgotten
/// first) and thread-safe. Claiming is atomic, so two concurrent waits never get the same message.
/// </summary>
internal sealed class ConsumedMessageSet
{
    private readonly int _capacity;
    private readonly HashSet<(OtpChannel, long)> _set = [];
    private readonly Queue<(OtpChannel, long)> _order = new();
    private readonly Lock _lock = new();

    public ConsumedMessageSet(int capacity = 4096) => _capacity = capacity;

    public bool Contains(OtpChannel channel, long messageId)
    {
        lock (_lock)
        {
            return _set.Contains((channel, messageId));
        }
    }

    /// <summary>Marks the message consumed; false when it already was.</summary>
    public bool TryClaim(OtpChannel channel, long messageId)
    {
        lock (_lock)
        {
            if (!_set.Add((channel, messageId)))
            {
                return false;
            }

            _order.Enqueue((channel, messageId));
            if (_order.Count > _capacity)
            {
                _set.Remove(_order.Dequeue());
            }

            return true;
        }
    }
}
