namespace Ravi.Sdk.Internal;

/// <summary>
/// What the SDK learned about the server's dialect (see docs/compatibility.md): held by the root client's
/// <see cref="RaviSharedState"/>, so every <see cref="RaviClient.ForIdentity(string)"/> view benefits, and kept for the
/// client's lifetime. Each fact is a flag written once (never cleared), so plain volatile reads and writes are enough
/// for thread safety: two calls that race both find out and both record the same answer.
/// </summary>
internal sealed class DialectMemory
{
    private volatile bool _cliGeneratePasswordPath;
    private volatile bool _patchPasswordUpdates;

    /// <summary>The documented <c>generate_password/</c> answered 404 and the CLI's <c>generate-password/</c> worked.</summary>
    public bool UsesCliGeneratePasswordPath => _cliGeneratePasswordPath;

    /// <summary><c>PUT /api/passwords/{uuid}/</c> answered 405: updates go as <c>PATCH</c>.</summary>
    public bool PatchesPasswordUpdates => _patchPasswordUpdates;

    public void RememberCliGeneratePasswordPath() => _cliGeneratePasswordPath = true;

    public void RememberPasswordPatch() => _patchPasswordUpdates = true;
}
