namespace Ravi.Sdk.Resources;

/// <summary>
/// "Unread only" on the wire and on the client. The docs name the parameter <c>unread=true</c>; the official CLI sends
/// <c>has_unread=true</c> to the inboxes and <c>is_read=false</c> to the message lists. The SDK sends the documented name
/// and the CLI's, and also filters what comes back, so a server that ignores both still yields only unread items.
/// </summary>
internal static class UnreadFilter
{
    /// <summary>The query for <c>/api/email-inbox/</c> and <c>/api/sms-inbox/</c>.</summary>
    public const string InboxQuery = "?unread=true&has_unread=true";

    /// <summary>The query for <c>/api/email-messages/</c> and <c>/api/messages/</c>.</summary>
    public const string MessagesQuery = "?unread=true&is_read=false";

    /// <summary>The client-side filter of a listing: <paramref name="isUnread"/> when <paramref name="unreadOnly"/>, else none.</summary>
    public static Func<T, bool>? For<T>(bool unreadOnly, Func<T, bool> isUnread) => unreadOnly ? isUnread : null;
}
