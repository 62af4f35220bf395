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

    /// <summary>Shows which message and when; never the body (it carries codes).</summary>
    /// <returns>A description without message content.</returns>
    public override string ToString() =>
        $"SmsConversationMessage {{ Id = {Id}, Direction = {Direction}, IsRead = {IsRead}, CreatedDt = {CreatedDt:O}, Body = {Mask(Body)} }}";

    private static string Mask(string? value) => value is null ? "null" : "***";
}
