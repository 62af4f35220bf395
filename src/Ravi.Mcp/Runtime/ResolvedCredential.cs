using Ravi.Sdk.Auth;

namespace Ravi.Mcp.Runtime;

/// <summary>The credential ravi-mcp signs in with, where it came from, or why there is none.</summary>
/// <param name="Credential">The credential; <see langword="null"/> when nothing was found.</param>
/// <param name="Source">Where it came from (an environment variable or a file path), for messages; never a token.</param>
/// <param name="Problem">Why there is no credential, and what to do.</param>
internal sealed record ResolvedCredential(IRaviCredential? Credential, string Source, string? Problem);
