namespace Ravi.Sdk.Testing.Internal;

/// <summary>A one-shot event-stream fault, claimed by the first stream connection that writes after it is armed.</summary>
/// <param name="Kind">What to do.</param>
/// <param name="Count">Events (<see cref="StreamFaultKind.DropAfterEvents"/>) or bytes (<see cref="StreamFaultKind.DropAtByte"/>).</param>
/// <param name="Graceful">End the response normally instead of aborting the connection.</param>
internal sealed record StreamFault(StreamFaultKind Kind, long Count, bool Graceful);
