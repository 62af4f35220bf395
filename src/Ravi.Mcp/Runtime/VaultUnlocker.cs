using Microsoft.Extensions.Logging;
using Ravi.Mcp.Configuration;
using Ravi.Sdk;

namespace Ravi.Mcp.Runtime;

/// <summary>
/// Unlocks the vault from a PIN (<c>RAVI_PIN</c> or a PIN file), else from the key the ravi CLI stored in
/// <c>auth.json</c>. Returns why the vault stays locked, naming the source of the PIN but never the PIN.
/// </summary>
internal static class VaultUnlocker
{
    public static async Task<string?> UnlockAsync(RaviClient client, PinSource? pin, RaviMcpSettings settings, ILogger logger, CancellationToken cancellationToken)
    {
        if (pin?.Problem is { } pinProblem)
        {
            return pinProblem + " Secret and password tools work once it is fixed (they retry on their next call).";
        }

        try
        {
            if (pin?.Pin is { } value)
            {
                await client.Encryption.UnlockAsync(value, cancellationToken: cancellationToken).ConfigureAwait(false);
                McpLog.Unlocked(logger, "PIN from " + pin.Source);
                return null;
            }

            if (await client.Encryption.TryUnlockFromCliAsync(cancellationToken).ConfigureAwait(false))
            {
                McpLog.Unlocked(logger, "the key the ravi CLI stored");
                return null;
            }

            return "The vault is locked: ravi-mcp has no PIN and the ravi CLI stored no key. Set RAVI_PIN in the MCP server's " +
                   "environment, or point --pin-file, RAVI_PIN_FILE or \"pinFile\" in " + (settings.ConfigFile ?? "~/.ravi/mcp.json") +
                   " at a file holding the 6-digit PIN, or run `ravi login` and enter the PIN so the CLI stores the key. " +
                   "Secret and password tools work after that (they retry on their next call); the other tools work now.";
        }
        catch (RaviCryptoException ex) when (ex.Kind == RaviCryptoErrorKind.WrongPin)
        {
            return $"The PIN from {pin?.Source} is wrong for this Ravi account, so the vault stays locked. Fix it; secret and " +
                   "password tools retry on their next call, the other tools work now.";
        }
        catch (RaviCryptoException ex) when (ex.Kind == RaviCryptoErrorKind.NotSetUp)
        {
            return "End-to-end encryption is not set up for this Ravi account, so there is no vault to unlock yet. Set a PIN " +
                   "with the ravi CLI first; the other tools work now.";
        }
        catch (RaviException ex)
        {
            return "The vault could not be unlocked: " + ex.Message;
        }
    }
}
