using System.Security.Cryptography;

namespace Ravi.Sdk.Testing.Internal;

/// <summary>
/// The server's in-memory state and the operations shared by endpoints and test hooks, one partial file per resource
/// (<c>ServerState.Auth.cs</c>, <c>.Identities.cs</c>, <c>.Email.cs</c>, <c>.Sms.cs</c>, <c>.Attachments.cs</c>,
/// <c>.Encryption.cs</c>, <c>.Events.cs</c>, <c>.Observations.cs</c>, <c>.Text.cs</c>). Every record is read and written
/// under the one lock <see cref="Sync"/>; the request and error logs have their own locks. Passwords and vault entries live
/// on their <see cref="IdentityRecord"/> and are guarded by the same lock.
/// </summary>
internal sealed partial class ServerState
{
    public ServerState(RaviTestServerOptions options, CancellationToken stopping)
    {
        Options = options;
        Time = options.TimeProvider;
        Stopping = stopping;
    }

    /// <summary>The one lock every record is read and written under.</summary>
    public Lock Sync { get; } = new();
    public RaviTestServerOptions Options { get; }

    /// <summary>Whether the server speaks the CLI dialect (<see cref="RaviTestServerDialect.Cli"/>).</summary>
    public bool Cli => Options.Dialect == RaviTestServerDialect.Cli;
    public TimeProvider Time { get; }
    public CancellationToken Stopping { get; }
    public TokenService Tokens { get; } = new();
    public FaultRegistry Faults { get; } = new();

    /// <summary>The key presigned storage URLs are signed with.</summary>
    public byte[] StorageKey { get; } = RandomNumberGenerator.GetBytes(32);

    public DateTimeOffset Now => Time.GetUtcNow();
}
