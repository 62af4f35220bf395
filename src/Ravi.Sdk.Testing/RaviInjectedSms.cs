namespace Ravi.Sdk.Testing;

/// <summary>What <see cref="RaviTestServer.InjectSms"/> created.</summary>
public sealed record RaviInjectedSms
{
    /// <summary>The SMS message id (<c>/api/messages/{id}/</c>).</summary>
    public required long MessageId { get; init; }

    /// <summary>The conversation id (<c>/api/sms-inbox/{conversation_id}/</c>).</summary>
    public required string ConversationId { get; init; }

    /// <summary>The id of the <c>sms</c> event on the identity's stream.</summary>
    public required long EventId { get; init; }
}
