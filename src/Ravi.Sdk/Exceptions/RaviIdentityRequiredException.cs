namespace Ravi.Sdk;

/// <summary>
/// Thrown before any request is sent when an identity-scoped endpoint (inbox, vault, passwords, events…)
/// is called on a client that has no identity. Use <see cref="RaviClient.ForIdentity(string)"/> or set
/// <see cref="RaviClientOptions.IdentityUuid"/>.
/// </summary>
public sealed class RaviIdentityRequiredException : RaviException
{
    /// <summary>Creates the exception for the named operation.</summary>
    /// <param name="operation">The endpoint or operation that needs an identity, e.g. <c>GET /api/vault/</c>.</param>
    public RaviIdentityRequiredException(string operation)
        : base($"{operation} requires an identity. Call client.ForIdentity(identityUuid) or set RaviClientOptions.IdentityUuid (or RAVI_CONFIG_DIR/.ravi/config.json).")
    {
        Operation = operation;
    }

    /// <summary>The endpoint or operation that needed an identity.</summary>
    public string Operation { get; }
}
