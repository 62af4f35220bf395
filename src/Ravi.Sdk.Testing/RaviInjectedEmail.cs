namespace Ravi.Sdk.Testing;

/// <summary>What <see cref="RaviTestServer.InjectEmail"/> created.</summary>
public sealed record RaviInjectedEmail
{
    /// <summary>The inbound message id (<c>/api/email-messages/{id}/</c>).</summary>
    public required long MessageId { get; init; }

    /// <summary>The thread id (<c>/api/email-inbox/{thread_id}/</c>).</summary>
    public required string ThreadId { get; init; }

    /// <summary>The id of the <c>email</c> event on the identity's stream.</summary>
    public required long EventId { get; init; }
}
