namespace Ravi.Sdk.Testing.Internal;

/// <summary>How an event stream connection is cut.</summary>
internal enum StreamFaultKind
{
    /// <summary>After N complete events.</summary>
    DropAfterEvents,

    /// <summary>After N bytes of the stream body, possibly mid-event or mid-line.</summary>
    DropAtByte,

    /// <summary>Write the next event without its terminating blank line, then drop.</summary>
    PartialEvent,
}
