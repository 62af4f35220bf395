using Ravi.Sdk.Agents.Internal;
using Ravi.Sdk.Agents.Results;
using Ravi.Sdk.Models;

namespace Ravi.Sdk.Agents.Tools;

/// <summary>list_secrets, get_secret, set_secret, delete_secret.</summary>
internal static class SecretTools
{
    private const string Key = "key";

    public static IEnumerable<ToolDefinition> All()
    {
        ToolParameter KeyParameter(string description) => ToolParameter.String(Key, description, required: true, maxLength: 256);

        yield return new ToolDefinition
        {
            Name = "list_secrets",
            Result = typeof(SecretListResult),
            Title = "List vault secrets",
            Description = "Lists the keys of the secrets in the identity's end-to-end encrypted vault (API keys, tokens…), without their values. Read one with get_secret.",
            Kind = ToolKind.Read,
            Invoke = ListAsync,
        };
        yield return new ToolDefinition
        {
            Name = "get_secret",
            Result = typeof(SecretResult),
            Title = "Get a vault secret",
            Description = "Returns one secret from the identity's vault by key, decrypted locally. Use the value only for the task the user gave; do not repeat it in replies.",
            Kind = ToolKind.Read,
            Parameters = [KeyParameter("The secret's key, exactly as listed by list_secrets, e.g. 'OPENAI_API_KEY'.")],
            Invoke = GetAsync,
        };
        yield return new ToolDefinition
        {
            Name = "set_secret",
            Result = typeof(StoredSecretResult),
            Title = "Store a vault secret",
            Description = "Stores a secret in the identity's vault under a key, replacing any value the key had. The value is encrypted locally before it is sent, and is not echoed back.",
            Kind = ToolKind.Write,
            Destructive = true,
            Idempotent = true,
            Parameters =
            [
                KeyParameter("The secret's key, e.g. 'OPENAI_API_KEY'."),
                ToolParameter.String("value", "The secret value.", required: true, maxLength: 100_000),
                ToolParameter.String("notes", "Notes kept (encrypted) with the secret. Optional.", maxLength: 10_000),
            ],
            Invoke = SetAsync,
        };
        yield return new ToolDefinition
        {
            Name = "delete_secret",
            Result = typeof(StatusResult),
            Title = "Delete a vault secret",
            Description = "Deletes a secret from the identity's vault by key. This cannot be undone.",
            Kind = ToolKind.Write,
            Destructive = true,
            Idempotent = true,
            Parameters = [KeyParameter("The key of the secret to delete.")],
            Invoke = DeleteAsync,
        };
    }

    private static string KeyOf(ToolCall call) => call.Arguments.RequiredString(Key).Trim();

    private static ToolFailure Missing(string key) =>
        ToolFailure.NotFound($"The vault has no secret with the key {Echo.Quote(key)} (keys are case-sensitive). Call list_secrets to see the keys.");

    private static async Task<object> ListAsync(ToolCall call, CancellationToken cancellationToken)
    {
        var items = new List<SecretKeyItem>();
        bool? truncated = null;
        await foreach (var secret in call.Agent.Vault.ListAsync(cancellationToken: cancellationToken).ConfigureAwait(false))
        {
            if (items.Count == call.Options.MaxListItems)
            {
                truncated = true;
                break;
            }

            items.Add(new SecretKeyItem(secret.Key, secret.UpdatedAt ?? secret.CreatedAt));
        }

        return ToolCall.Result(new SecretListResult(items.Count, items, truncated), ToolJson.Context.SecretListResult);
    }

    private static async Task<object> GetAsync(ToolCall call, CancellationToken cancellationToken)
    {
        var key = KeyOf(call);
        var secret = await call.Agent.Vault.GetByKeyAsync(key, cancellationToken: cancellationToken).ConfigureAwait(false) ?? throw Missing(key);
        if (secret.EncryptedFields != EncryptedFields.None)
        {
            throw ToolErrors.VaultLocked();
        }

        return ToolCall.Result(new SecretResult(secret.Key, secret.Value, secret.Notes, secret.UpdatedAt ?? secret.CreatedAt), ToolJson.Context.SecretResult);
    }

    private static async Task<object> SetAsync(ToolCall call, CancellationToken cancellationToken)
    {
        if (!call.Client.Encryption.IsUnlocked)
        {
            throw ToolErrors.VaultLocked(); // before sending anything
        }

        var key = KeyOf(call);
        var notes = call.Arguments.String("notes");
        var stored = await call.Agent.Vault.SetAsync(
            new VaultSecretRequest { Key = key, Value = call.Arguments.RequiredString("value"), Notes = string.IsNullOrEmpty(notes) ? null : notes },
            cancellationToken: cancellationToken).ConfigureAwait(false);
        return ToolCall.Result(new StoredSecretResult("stored", stored.Key, Encrypted: true), ToolJson.Context.StoredSecretResult);
    }

    private static async Task<object> DeleteAsync(ToolCall call, CancellationToken cancellationToken)
    {
        var key = KeyOf(call);
        string? uuid = null;
        await foreach (var secret in call.Agent.Vault.ListAsync(cancellationToken: cancellationToken).ConfigureAwait(false))
        {
            if (string.Equals(secret.Key, key, StringComparison.Ordinal))
            {
                uuid = secret.Uuid;
                break;
            }
        }

        await call.Agent.Vault.DeleteAsync(uuid ?? throw Missing(key), cancellationToken: cancellationToken).ConfigureAwait(false);
        return ToolCall.Result(new StatusResult("deleted", $"The secret '{key}' was deleted."), ToolJson.Context.StatusResult);
    }
}
