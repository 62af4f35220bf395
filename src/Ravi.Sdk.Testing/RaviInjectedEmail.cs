namespace Ravi.Sdk.Testing;

/// <summary>What <see cref="RaviTestServer.InjectEmail"/> created.</summary>
/// <param name="MessageId">The inbound message id (<c>/api/email-messages/{id}/</c>).</param>
/// <param name="ThreadId">The thread id (<c>/api/email-inbox/{thread_id}/</c>).</param>
/// <param name="EventId">The id of the <c>email</c> event on the identity's stream.</param>
public sealed record RaviInjectedEmail(long MessageId, string ThreadId, long EventId);
