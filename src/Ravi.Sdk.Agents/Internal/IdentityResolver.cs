using System.Collections.Concurrent;
using Ravi.Sdk.Models;

namespace Ravi.Sdk.Agents.Internal;

/// <summary>
/// Turns the <c>identity</c> argument (a UUID or a name) into a verified identity before a tool does anything else, so
/// that an unknown identity is answered at once rather than after a wait. Verified identities are remembered (bounded).
/// </summary>
internal sealed class IdentityResolver(RaviClient client)
{
    private const int MaxRemembered = 1024;
    private readonly ConcurrentDictionary<string, Identity> _known = new(StringComparer.OrdinalIgnoreCase);

    /// <summary>Resolves <paramref name="value"/> (a UUID or an identity's name).</summary>
    /// <exception cref="ToolFailure">No such identity.</exception>
    public async Task<Identity> ResolveAsync(string value, CancellationToken cancellationToken)
    {
        var trimmed = value.Trim();
        if (_known.TryGetValue(trimmed, out var known))
        {
            return known;
        }

        Identity? found = null;
        if (trimmed.Length == 36 && Guid.TryParseExact(trimmed, "D", out _))
        {
            try
            {
                found = await client.Identities.GetAsync(trimmed.ToLowerInvariant(), cancellationToken: cancellationToken).ConfigureAwait(false);
            }
            catch (RaviNotFoundException)
            {
                // Answered below.
            }
        }
        else
        {
            await foreach (var identity in client.Identities.ListAsync(cancellationToken: cancellationToken).ConfigureAwait(false))
            {
                if (string.Equals(identity.Name, trimmed, StringComparison.OrdinalIgnoreCase))
                {
                    found = identity;
                    break;
                }
            }
        }

        if (found is null)
        {
            throw new ToolFailure(
                RaviToolErrorCodes.IdentityNotFound,
                $"There is no identity {Echo.Quote(trimmed)} in this Ravi account. Call list_identities to see the identities (pass one's uuid or name), or create_identity to make one.",
                "identity");
        }

        Remember(found);
        return found;
    }

    /// <summary>Records an identity known to exist (just created or listed).</summary>
    public void Remember(Identity identity)
    {
        if (_known.Count >= MaxRemembered)
        {
            _known.Clear();
        }

        _known[identity.Uuid] = identity;
        _known[identity.Name] = identity;
    }

    /// <summary>Forgets a deleted identity.</summary>
    public void Forget(Identity identity)
    {
        _known.TryRemove(identity.Uuid, out _);
        _known.TryRemove(identity.Name, out _);
    }
}
