namespace Ravi.Sdk.Events;

/// <summary>A new email arrived in the identity's inbox (event type <c>email</c>).</summary>
public sealed class EmailReceived : RaviEvent
{
    /// <summary>Creates the event; set its properties with an object initializer.</summary>
    public EmailReceived()
        : base(RaviEventTypes.Email)
    {
    }

    /// <summary>The thread id (<c>thread_id</c>); fetch it with <c>client.EmailInbox.GetThreadAsync</c>.</summary>
    /// <exception cref="ArgumentNullException">Set to null.</exception>
    public required string ThreadId { get; init => field = value ?? throw new ArgumentNullException(nameof(value)); }

    /// <summary>The sender (<c>from_email</c>).</summary>
    public string? FromEmail { get; init; }

    /// <summary>The subject.</summary>
    public string? Subject { get; init; }

    /// <summary>A preview of the text.</summary>
    public string? Preview { get; init; }
}
