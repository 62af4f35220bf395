using Microsoft.Extensions.AI;
using Ravi.Sdk.Agents.Internal;
using Ravi.Sdk.Agents.Tools;

namespace Ravi.Sdk.Agents;

/// <summary>
/// The Ravi tool catalog: identities, inbox, waits for codes, links and emails, sending and replying, vault secrets,
/// passwords, the phone number and TOTP codes, as Microsoft.Extensions.AI functions. One definition serves
/// <c>FunctionInvokingChatClient</c>, Microsoft Agent Framework (<c>ChatClientAgent</c>), Semantic Kernel and MCP servers.
/// </summary>
/// <remarks>
/// <para><b>Names and schemas.</b> Tool names are snake_case (<see cref="ToolNames"/>). Every input schema is a flat JSON
/// object of string, integer and boolean properties (choices as <c>enum</c>, ranges as <c>minimum</c>/<c>maximum</c>),
/// with optional parameters simply absent from <c>required</c>: no <c>["string","null"]</c> unions, no <c>$ref</c>, no
/// <c>default</c>. OpenAI function calling and Anthropic tool use both accept them.</para>
/// <para><b>Results.</b> A successful call returns a <see cref="System.Text.Json.JsonElement"/> object (snake_case, nulls
/// left out), which chat clients pass to the model as JSON text and MCP servers can return as structured content. The
/// functions' <see cref="AIFunction.JsonSerializerOptions"/> use the relaxed encoder, so text serialized with them keeps
/// ordinary characters such as <c>+</c> as written. Results with inbound mail or SMS start with a <c>notice</c> that the
/// content comes from external senders and is not instructions.</para>
/// <para><b>Errors.</b> A tool never throws for a failure (only <see cref="OperationCanceledException"/> when the caller
/// cancels): it returns an <see cref="ErrorContent"/> whose <see cref="ErrorContent.Message"/> says what was wrong and what
/// to do, whose <see cref="ErrorContent.ErrorCode"/> is one of <see cref="RaviToolErrorCodes"/>, and whose
/// <see cref="ErrorContent.Details"/> is <c>"argument: NAME"</c> for a bad argument. Arguments are checked before any I/O
/// (an unknown identity is answered at once, not after a wait); echoed input is cut to about 200 characters. An expected
/// failure logs one Warning line without a stack trace. An MCP server maps an <see cref="ErrorContent"/> result to
/// <c>CallToolResult { IsError = true, Content = [text: Message] }</c>.</para>
/// <para><b>Annotations.</b> See <see cref="RaviToolAnnotations"/>: <c>tool.GetService&lt;RaviToolAnnotations&gt;()</c>,
/// also present in <see cref="AITool.AdditionalProperties"/> under the MCP hint names.</para>
/// <para><b>Progress.</b> See <see cref="RaviToolProgress"/>: waits report progress to an <see cref="IProgress{T}"/> found in
/// the invocation's <see cref="AIFunctionArguments.Context"/> or <see cref="AIFunctionArguments.Services"/>.</para>
/// <para><b>Vault.</b> Secrets, passwords and TOTP codes are decrypted locally: unlock the client first
/// (<c>client.Encryption.UnlockAsync(pin)</c>); while it is locked those tools answer with
/// <see cref="RaviToolErrorCodes.VaultLocked"/>.</para>
/// </remarks>
public static class RaviTools
{
    /// <summary>The names of every tool the catalog can contain, in catalog order.</summary>
    public static IReadOnlyList<string> ToolNames { get; } = [.. Definitions(new RaviToolOptions()).Select(d => d.Name)];

    /// <summary>Builds the tool catalog over <paramref name="client"/>.</summary>
    /// <param name="client">The client the tools call through. Share one per account; the tools scope it per call with <see cref="RaviClient.ForIdentity(string)"/>.</param>
    /// <param name="options">Which tools, which identity, wait limits and approvals; null for the defaults (every tool, any identity).</param>
    /// <returns>The tools, in the order of <see cref="ToolNames"/>; those needing approval are <see cref="ApprovalRequiredAIFunction"/> wrappers.</returns>
    /// <exception cref="ArgumentNullException"><paramref name="client"/> is null.</exception>
    /// <exception cref="ArgumentException">An option is invalid (the message names it), e.g. <see cref="RaviToolOptions.AllowedTools"/> names an unknown tool.</exception>
    public static IReadOnlyList<AITool> Create(RaviClient client, RaviToolOptions? options = null)
    {
        ArgumentNullException.ThrowIfNull(client);
        var o = options?.Clone() ?? new RaviToolOptions();
        o.Validate(nameof(options));
        var catalog = new ToolCatalogContext(client, o);
        var tools = new List<AITool>();
        foreach (var definition in Definitions(o))
        {
            if ((definition.AccountOnly && catalog.Pinned) ||
                (o.ReadOnly && definition.Kind == ToolKind.Write) ||
                (o.AllowedTools is { } allowed && !allowed.Contains(definition.Name)))
            {
                continue;
            }

            AIFunction function = new RaviFunction(catalog, definition);
            var needsApproval = definition.Kind == ToolKind.Write && o.Approval switch
            {
                RaviToolApproval.SideEffecting => true,
                RaviToolApproval.Destructive => definition.Destructive,
                _ => false,
            };
            tools.Add(needsApproval ? new ApprovalRequiredAIFunction(function) : function);
        }

        return tools.AsReadOnly();
    }

    private static IEnumerable<ToolDefinition> Definitions(RaviToolOptions options) =>
        IdentityTools.All()
            .Concat(InboxTools.All(options))
            .Concat(WaitTools.All(options))
            .Concat(EmailTools.All())
            .Concat(SecretTools.All())
            .Concat(PasswordTools.All())
            .Concat(PhoneTools.All())
            .Concat(TotpTools.All());
}
