namespace Ravi.Sdk.Agents.Internal;

/// <summary>What a tool does to the account, which decides read-only mode and approvals.</summary>
internal enum ToolKind
{
    /// <summary>Reads only.</summary>
    Read,

    /// <summary>Waits for an inbound message: changes nothing stored (marks read; consume-once is local).</summary>
    Wait,

    /// <summary>Creates, changes, deletes or sends something.</summary>
    Write,
}
