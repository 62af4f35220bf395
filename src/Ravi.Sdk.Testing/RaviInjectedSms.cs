namespace Ravi.Sdk.Testing;

/// <summary>What <see cref="RaviTestServer.InjectSms"/> created.</summary>
/// <param name="MessageId">The SMS message id (<c>/api/messages/{id}/</c>).</param>
/// <param name="ConversationId">The conversation id (<c>/api/sms-inbox/{conversation_id}/</c>).</param>
/// <param name="EventId">The id of the <c>sms</c> event on the identity's stream.</param>
public sealed record RaviInjectedSms(long MessageId, string ConversationId, long EventId);
