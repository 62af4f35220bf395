using System.Text.Json.Serialization;

namespace Ravi.Sdk.Models;

/// <summary>An SMS message.</summary>
public sealed record SmsMessage
{
    /// <summary>The message id.</summary>
    [JsonPropertyName("id")]
    public long Id { get; init; }

    /// <summary>The API URL of the message.</summary>
    [JsonPropertyName("url")]
    public Uri? Url { get; init; }

    /// <summary>The sender.</summary>
    [JsonPropertyName("from_number")]
    public string? FromNumber { get; init; }

    /// <summary>The recipient.</summary>
    [JsonPropertyName("to_number")]
    public string? ToNumber { get; init; }

    /// <summary>The text.</summary>
    [JsonPropertyName("body")]
    public string? Body { get; init; }

    /// <summary>The carrier's message id.</summary>
    [JsonPropertyName("message_sid")]
    public string? MessageSid { get; init; }

    /// <summary>The identity's phone record, as the server reports it (its id, or the number).</summary>
    [JsonPropertyName("phone")]
    public string? PhoneId { get; init; }

    /// <summary>Whether the message came in (<see cref="MessageDirection.Inbound"/>) or went out; null when the server does not say.</summary>
    [JsonPropertyName("direction")]
    public MessageDirection? Direction { get; init; }

    /// <summary>Whether it has been read.</summary>
    [JsonPropertyName("is_read")]
    public bool IsRead { get; init; }

    /// <summary>When it was received or sent.</summary>
    [JsonPropertyName("created_dt")]
    public DateTimeOffset? CreatedAt { get; init; }

    /// <summary>Shows which message, who and when; never the body (it carries codes).</summary>
    /// <returns>A description without message content.</returns>
    public override string ToString() =>
        $"SmsMessage {{ Id = {Id}, FromNumber = {FromNumber}, ToNumber = {ToNumber}, Direction = {Direction}, IsRead = {IsRead}, " +
        $"CreatedAt = {CreatedAt:O}, Body = {Mask(Body)} }}";

    private static string Mask(string? value) => value is null ? "null" : "***";
}
