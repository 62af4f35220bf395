using System.Text.Json;
using Microsoft.Extensions.AI;

namespace Ravi.Sdk.Agents.Internal;

/// <summary>
/// One Ravi tool as an <see cref="AIFunction"/>: a hand-written schema (no nullable unions, no <c>$ref</c>), binding that
/// names the argument at fault, and failures returned as <see cref="ErrorContent"/> instead of thrown.
/// </summary>
internal sealed class RaviFunction : AIFunction
{
    private readonly ToolCatalogContext _catalog;
    private readonly ToolDefinition _tool;
    private readonly IReadOnlyList<ToolParameter> _parameters;
    private readonly bool _takesIdentity;
    private readonly RaviToolAnnotations _annotations;
    private readonly Lazy<JsonElement?> _returnSchema;

    public RaviFunction(ToolCatalogContext catalog, ToolDefinition tool)
    {
        _catalog = catalog;
        _tool = tool;
        _takesIdentity = tool.IdentityScoped && !catalog.Pinned;
        _parameters = _takesIdentity ? [IdentityParameter(catalog), .. tool.Parameters] : tool.Parameters;
        _annotations = tool.Annotations;
        JsonSchema = ToolSchema.Create(_parameters);
        _returnSchema = new Lazy<JsonElement?>(() => AIJsonUtilities.CreateJsonSchema(tool.Result, serializerOptions: ToolJson.Options));
        AdditionalProperties = new Dictionary<string, object?>
        {
            [RaviToolAnnotations.TitleKey] = _annotations.Title,
            [RaviToolAnnotations.ReadOnlyHintKey] = _annotations.ReadOnly,
            [RaviToolAnnotations.DestructiveHintKey] = _annotations.Destructive,
            [RaviToolAnnotations.IdempotentHintKey] = _annotations.Idempotent,
            [RaviToolAnnotations.OpenWorldHintKey] = _annotations.OpenWorld,
        };
    }

    public override string Name => _tool.Name;

    public override string Description => _tool.Description;

    public override JsonElement JsonSchema { get; }

    /// <summary>The schema of a successful result (an object); failures are <see cref="ErrorContent"/> instead.</summary>
    public override JsonElement? ReturnJsonSchema => _returnSchema.Value;

    public override JsonSerializerOptions JsonSerializerOptions => ToolJson.Options;

    public override IReadOnlyDictionary<string, object?> AdditionalProperties { get; }

    public ToolDefinition Definition => _tool;

    public override object? GetService(Type serviceType, object? serviceKey = null)
    {
        ArgumentNullException.ThrowIfNull(serviceType);
        return serviceKey is null && serviceType == typeof(RaviToolAnnotations) ? _annotations : base.GetService(serviceType, serviceKey);
    }

    protected override async ValueTask<object?> InvokeCoreAsync(AIFunctionArguments arguments, CancellationToken cancellationToken)
    {
        try
        {
            if (_catalog.Options.Precondition is { } precondition &&
                await precondition(_tool.Name, cancellationToken).ConfigureAwait(false) is { } reason)
            {
                throw new ToolFailure(RaviToolErrorCodes.Unavailable, reason);
            }

            var bound = ToolArguments.Bind(arguments, _parameters);
            RaviClient? agent = null;
            if (_tool.IdentityScoped)
            {
                var named = _takesIdentity ? bound.String(IdentityParameterName) : null;
                var identity = named ?? _catalog.DefaultIdentity ?? throw ToolFailure.InvalidArgument(
                    IdentityParameterName,
                    "The argument 'identity' is required: pass an identity's uuid or name (call list_identities to see them, or create_identity).");
                var resolved = await _catalog.Identities.ResolveAsync(identity, cancellationToken).ConfigureAwait(false);
                agent = _catalog.Client.ForIdentity(resolved.Uuid);
            }

            var call = new ToolCall(_catalog, _tool, bound, agent, ToolCall.FindProgress(arguments));
            return await _tool.Invoke(call, cancellationToken).ConfigureAwait(false);
        }
        catch (OperationCanceledException) when (cancellationToken.IsCancellationRequested)
        {
            throw;
        }
#pragma warning disable CA1031 // every failure becomes a tool result: a thrown exception would reach the model as a generic error
        catch (Exception ex)
#pragma warning restore CA1031
        {
            if (ToolErrors.FromException(ex, _tool) is { } failure)
            {
                ToolLog.Failed(_catalog.Logger, _tool.Name, failure.Code, failure.Message);
                return ToError(failure);
            }

            ToolLog.Crashed(_catalog.Logger, _tool.Name, ex);
            return ToError(new ToolFailure(
                RaviToolErrorCodes.InternalError,
                $"The tool failed unexpectedly ({ex.GetType().Name}). This is a bug in the tool, not in your arguments; try another way or tell the user."));
        }
    }

    internal const string IdentityParameterName = "identity";

    private static ToolParameter IdentityParameter(ToolCatalogContext catalog) =>
        catalog.Client.IdentityUuid is { } fallback
            ? ToolParameter.String(IdentityParameterName, $"The identity to act as: its uuid or name (see list_identities). Optional: defaults to {fallback}.", maxLength: 200)
            : ToolParameter.String(IdentityParameterName, "The identity to act as: its uuid or name (see list_identities or create_identity).", required: true, maxLength: 200);

    private static ErrorContent ToError(ToolFailure failure)
    {
        var error = new ErrorContent(failure.Message) { ErrorCode = failure.Code };
        if (failure.Argument is { } argument)
        {
            error.Details = $"argument: {argument}";
        }

        return error;
    }
}
