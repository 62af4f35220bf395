using System.Text.Json.Serialization;

namespace Ravi.Sdk.Models;

/// <summary>A message inside an SMS conversation detail.</summary>
public sealed record SmsConversationMessage
{
    /// <summary>The message id.</summary>
    [JsonPropertyName("id")]
    public long Id { get; init; }

    /// <summary>The text.</summary>
    [JsonPropertyName("body")]
    public string? Body { get; init; }

    /// <summary>Whether the message came in (<see cref="MessageDirection.Inbound"/>) or went out; null when the server does not say.</summary>
    [JsonPropertyName("direction")]
    public MessageDirection? Direction { get; init; }

    /// <summary>Whether it has been read.</summary>
    [JsonPropertyName("is_read")]
    public bool IsRead { get; init; }

    /// <summary>When it was received or sent.</summary>
    [JsonPropertyName("created_dt")]
    public DateTimeOffset? CreatedAt { get; init; }

    /// <summary>Shows which message and when; never the body (it carries codes).</summary>
    /// <returns>A description without message content.</returns>
    public override string ToString() =>
        $"SmsConversationMessage {{ Id = {Id}, Direction = {Direction}, IsRead = {IsRead}, CreatedAt = {CreatedAt:O}, Body = {Mask(Body)} }}";

    private static string Mask(string? value) => value is null ? "null" : "***";
}
