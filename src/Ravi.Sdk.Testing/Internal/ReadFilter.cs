using Microsoft.AspNetCore.Http;

namespace Ravi.Sdk.Testing.Internal;

/// <summary>
/// The read-state filters of the list endpoints, per dialect. Documented: <c>unread=true</c> everywhere. CLI dialect:
/// <c>has_unread=true</c> on the inboxes and <c>is_read=true|false</c> on the message lists, and <c>unread</c> is
/// ignored (as on the service the CLI was written for). A filter of the other dialect is ignored, not an error.
/// </summary>
internal static class ReadFilter
{
    /// <summary>Whether an inbox list (<c>/api/email-inbox/</c>, <c>/api/sms-inbox/</c>) keeps only threads with unread messages.</summary>
    public static bool InboxUnreadOnly(ServerState state, IQueryCollection query) =>
        IsTrue(query[state.Cli ? "has_unread" : "unread"]);

    /// <summary>
    /// The <c>is_read</c> value a message list (<c>/api/email-messages/</c>, <c>/api/messages/</c>) keeps, or
    /// <see langword="null"/> for all messages.
    /// </summary>
    public static bool? MessagesIsRead(ServerState state, IQueryCollection query)
    {
        if (!state.Cli)
        {
            return IsTrue(query["unread"]) ? false : null;
        }

        var value = query["is_read"].ToString();
        return IsTrue(value) ? true : IsFalse(value) ? false : null;
    }

    private static bool IsTrue(string? value) =>
        value is not null && (value.Equals("true", StringComparison.OrdinalIgnoreCase) || value == "1");

    private static bool IsFalse(string? value) =>
        value is not null && (value.Equals("false", StringComparison.OrdinalIgnoreCase) || value == "0");
}
