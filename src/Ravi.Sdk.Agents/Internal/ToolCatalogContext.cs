using Microsoft.Extensions.Logging;

namespace Ravi.Sdk.Agents.Internal;

/// <summary>What every tool of one catalog shares: the client, the options, the logger and the identity cache.</summary>
internal sealed class ToolCatalogContext
{
    public ToolCatalogContext(RaviClient client, RaviToolOptions options)
    {
        Client = client;
        Options = options;
        Logger = (options.LoggerFactory ?? Microsoft.Extensions.Logging.Abstractions.NullLoggerFactory.Instance).CreateLogger("Ravi.Sdk.Agents");
        Identities = new IdentityResolver(client);
    }

    public RaviClient Client { get; }

    public RaviToolOptions Options { get; }

    public ILogger Logger { get; }

    public IdentityResolver Identities { get; }

    /// <summary>The identity calls act for when they name none: the pinned one, else the client's own, else none.</summary>
    public string? DefaultIdentity => Options.IdentityUuid ?? Client.IdentityUuid;

    public bool Pinned => Options.IdentityUuid is not null;
}
