namespace Ravi.Sdk.Events;

/// <summary>A new email arrived in the identity's inbox (event type <c>email</c>).</summary>
public sealed class EmailReceived : RaviEvent
{
    /// <summary>Creates the event.</summary>
    /// <param name="data">The raw JSON data.</param>
    /// <param name="id">The event id, or null.</param>
    /// <param name="threadId">The thread the email belongs to.</param>
    /// <param name="fromEmail">The sender.</param>
    /// <param name="subject">The subject.</param>
    /// <param name="preview">The start of the text.</param>
    /// <exception cref="ArgumentNullException"><paramref name="data"/> or <paramref name="threadId"/> is null.</exception>
    public EmailReceived(string data, string? id, string threadId, string? fromEmail, string? subject, string? preview)
        : base(RaviEventTypes.Email, data, id)
    {
        ArgumentNullException.ThrowIfNull(threadId);
        ThreadId = threadId;
        FromEmail = fromEmail;
        Subject = subject;
        Preview = preview;
    }

    /// <summary>The thread id (<c>thread_id</c>); fetch it with <c>client.EmailInbox.GetThreadAsync</c>.</summary>
    public string ThreadId { get; }

    /// <summary>The sender (<c>from_email</c>).</summary>
    public string? FromEmail { get; }

    /// <summary>The subject.</summary>
    public string? Subject { get; }

    /// <summary>A preview of the text.</summary>
    public string? Preview { get; }
}
