using ModelContextProtocol.Server;
using Ravi.Sdk;

namespace Ravi.Mcp.Runtime;

/// <summary>
/// One attempt at being usable: a <see cref="RaviClient"/> over the credential found at that moment, the catalog's tools
/// over that client, and the outcome of checking the credential and unlocking the vault. A session with a
/// <see cref="Problem"/> is replaced by a fresh one on a later call (after <c>ravi login</c>, say) without a restart.
/// </summary>
internal sealed class RaviSession : IDisposable
{
    private readonly TaskCompletionSource _checked = new(TaskCreationOptions.RunContinuationsAsynchronously);
    private string? _problem;
    private string? _vaultProblem;

    public RaviSession(RaviClient client, string credentialSource, IReadOnlyDictionary<string, McpServerTool> tools, string? problem, TimeProvider time)
    {
        Client = client;
        CredentialSource = credentialSource;
        Tools = tools;
        _problem = problem;
        ProblemSince = time.GetUtcNow();
        if (problem is not null)
        {
            _checked.TrySetResult();
        }
    }

    public RaviClient Client { get; }

    /// <summary>Where the credential came from (a variable name or a path; never a token).</summary>
    public string CredentialSource { get; }

    /// <summary>The catalog's tools over <see cref="Client"/>, by name.</summary>
    public IReadOnlyDictionary<string, McpServerTool> Tools { get; }

    /// <summary>When <see cref="Problem"/> was set (a session is rebuilt only some time after it).</summary>
    public DateTimeOffset ProblemSince { get; private set; }

    /// <summary>Why no tool can work (no credentials, a rejected token, a bad setting); <see langword="null"/> when usable.</summary>
    public string? Problem => Volatile.Read(ref _problem);

    /// <summary>Why the vault is locked (no PIN, wrong PIN); secret and password tools answer with it.</summary>
    public string? VaultProblem => Volatile.Read(ref _vaultProblem);

    /// <summary>When <see cref="VaultProblem"/> was last determined.</summary>
    public DateTimeOffset VaultCheckedAt { get; private set; }

    /// <summary>Completes when the credential check and the unlock attempt are done.</summary>
    public Task Checked => _checked.Task;

    public void SetProblem(string problem, DateTimeOffset at)
    {
        ProblemSince = at;
        Volatile.Write(ref _problem, problem);
    }

    public void SetVaultProblem(string? problem, DateTimeOffset at)
    {
        Volatile.Write(ref _vaultProblem, problem);
        VaultCheckedAt = at;
    }

    public void MarkChecked() => _checked.TrySetResult();

    public void Dispose() => Client.Dispose();
}
