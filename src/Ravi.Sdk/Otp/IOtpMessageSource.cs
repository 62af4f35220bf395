using Ravi.Sdk.Events;

namespace Ravi.Sdk.Otp;

/// <summary>
/// Where a wait finds the messages of its channel: the SMS conversations or the email threads of the identity's inbox,
/// and the events that announce them. One instance reads through one inbox client (the pooled one, or the view next to the
/// event stream that closes its connections).
/// </summary>
internal interface IOtpMessageSource
{
    /// <summary>The conversation or thread <paramref name="e"/> announces, if it is of this channel and may hold a match; else null.</summary>
    string? ContainerOf(RaviEvent e, OtpCriteria criteria);

    /// <summary>The unread conversations or threads that changed within the window and may hold a match.</summary>
    Task<List<string>> ListUnreadAsync(OtpCriteria criteria, RaviRequestOptions? requestOptions, CancellationToken cancellationToken);

    /// <summary>Reads one conversation or thread in full (which marks it read) and returns its inbound messages.</summary>
    Task<IEnumerable<OtpMessage>> ReadAsync(string id, RaviRequestOptions? requestOptions, CancellationToken cancellationToken);
}
