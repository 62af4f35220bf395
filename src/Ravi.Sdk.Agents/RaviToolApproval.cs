namespace Ravi.Sdk.Agents;

/// <summary>Which Ravi tools need a human's approval before they run (see <see cref="RaviToolOptions.Approval"/>).</summary>
public enum RaviToolApproval
{
    /// <summary>No tool needs approval.</summary>
    None,

    /// <summary>Only destructive tools (those that delete or overwrite: <c>delete_*</c>, <c>set_secret</c>, <c>save_password</c>, <c>enroll_totp</c>).</summary>
    Destructive,

    /// <summary>Every tool that creates, changes, deletes or sends anything (the tools <see cref="RaviToolOptions.ReadOnly"/> leaves out).</summary>
    SideEffecting,
}
