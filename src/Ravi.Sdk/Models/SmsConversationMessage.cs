namespace Ravi.Sdk.Models;

/// <summary>A message inside an SMS conversation detail.</summary>
public sealed record SmsConversationMessage
{
    /// <summary>The message id.</summary>
    public long Id { get; init; }

    /// <summary>The text.</summary>
    public string? Body { get; init; }

    /// <summary><c>inbound</c> or <c>outbound</c>.</summary>
    public string? Direction { get; init; }

    /// <summary>Whether it has been read.</summary>
    public bool IsRead { get; init; }

    /// <summary>When it was received or sent.</summary>
    public DateTimeOffset? CreatedDt { get; init; }
}
