namespace Ravi.Sdk.Samples.HostedAgent;

/// <summary>What the agent did, for the exit code.</summary>
public sealed class AgentResult
{
    private int _received;

    public int Received => Volatile.Read(ref _received);

    public bool Completed { get; set; }

    public int Increment() => Interlocked.Increment(ref _received);
}
