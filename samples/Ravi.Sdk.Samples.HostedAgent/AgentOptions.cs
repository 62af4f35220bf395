namespace Ravi.Sdk.Samples.HostedAgent;

/// <summary>Settings of the sample agent (section "Agent").</summary>
public sealed class AgentOptions
{
    /// <summary>Stop the host after this many inbound messages; 0 runs until Ctrl+C.</summary>
    public int StopAfterMessages { get; set; }
}
