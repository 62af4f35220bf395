using Ravi.Sdk.Agents.Internal;
using Ravi.Sdk.Agents.Results;
using Ravi.Sdk.Models;

namespace Ravi.Sdk.Agents.Tools;

/// <summary>list_identities, create_identity, get_identity, delete_identity.</summary>
internal static class IdentityTools
{
    public static IEnumerable<ToolDefinition> All()
    {
        yield return new ToolDefinition
        {
            Name = "list_identities",
            Result = typeof(IdentityListResult),
            Title = "List identities",
            Description = "Lists the identities of the Ravi account. Each identity is one agent persona with its own email address, phone number and encrypted vault. Returns uuid, name, email and phone of each.",
            Kind = ToolKind.Read,
            IdentityScoped = false,
            AccountOnly = true,
            Invoke = ListAsync,
        };
        yield return new ToolDefinition
        {
            Name = "create_identity",
            Result = typeof(IdentityItem),
            Title = "Create an identity",
            Description = "Creates a new identity: a fresh email inbox and phone number (and an empty vault) to sign up for services with. Returns its uuid, email address and phone number; pass the uuid or name as 'identity' to the other tools.",
            Kind = ToolKind.Write,
            IdentityScoped = false,
            AccountOnly = true,
            Parameters =
            [
                ToolParameter.String("name", "A name for the identity, unique in the account, e.g. 'shopping-agent'. It usually becomes the email address's local part.", required: true, maxLength: 100),
            ],
            Invoke = CreateAsync,
        };
        yield return new ToolDefinition
        {
            Name = "get_identity",
            Result = typeof(IdentityItem),
            Title = "Get an identity",
            Description = "Returns one identity: uuid, name, email address and phone number.",
            Kind = ToolKind.Read,
            Invoke = GetAsync,
        };
        yield return new ToolDefinition
        {
            Name = "delete_identity",
            Result = typeof(StatusResult),
            Title = "Delete an identity",
            Description = "Deletes an identity for good, with its inbox, phone number, vault secrets and saved passwords. This cannot be undone; only call it when the user asked for it.",
            Kind = ToolKind.Write,
            Destructive = true,
            Idempotent = true,
            AccountOnly = true,
            Invoke = DeleteAsync,
        };
    }

    private static IdentityItem ToItem(Identity i) => new(i.Uuid, i.Name, i.Inbox, i.PhoneNumber, i.CreatedAt);

    private static async Task<object> ListAsync(ToolCall call, CancellationToken cancellationToken)
    {
        var items = new List<IdentityItem>();
        bool? truncated = null;
        await foreach (var identity in call.Client.Identities.ListAsync(cancellationToken: cancellationToken).ConfigureAwait(false))
        {
            if (items.Count == call.Options.MaxListItems)
            {
                truncated = true;
                break;
            }

            call.Catalog.Identities.Remember(identity);
            items.Add(ToItem(identity));
        }

        return ToolCall.Result(new IdentityListResult(items.Count, items, truncated), ToolJson.Context.IdentityListResult);
    }

    private static async Task<object> CreateAsync(ToolCall call, CancellationToken cancellationToken)
    {
        var identity = await call.Client.Identities.CreateAsync(call.Arguments.RequiredString("name").Trim(), cancellationToken: cancellationToken).ConfigureAwait(false);
        call.Catalog.Identities.Remember(identity);
        return ToolCall.Result(ToItem(identity), ToolJson.Context.IdentityItem);
    }

    private static async Task<object> GetAsync(ToolCall call, CancellationToken cancellationToken)
    {
        var identity = await call.Client.Identities.GetAsync(call.Agent.IdentityUuid!, cancellationToken: cancellationToken).ConfigureAwait(false);
        return ToolCall.Result(ToItem(identity), ToolJson.Context.IdentityItem);
    }

    private static async Task<object> DeleteAsync(ToolCall call, CancellationToken cancellationToken)
    {
        var uuid = call.Agent.IdentityUuid!;
        var identity = await call.Client.Identities.GetAsync(uuid, cancellationToken: cancellationToken).ConfigureAwait(false);
        await call.Client.Identities.DeleteAsync(uuid, cancellationToken: cancellationToken).ConfigureAwait(false);
        call.Catalog.Identities.Forget(identity);
        return ToolCall.Result(
            new StatusResult("deleted", $"The identity '{identity.Name}' ({uuid}) was deleted with its inbox, phone number and vault."),
            ToolJson.Context.StatusResult);
    }
}
