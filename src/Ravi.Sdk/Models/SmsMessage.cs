using System.Text.Json.Serialization;
using Ravi.Sdk.Serialization;

namespace Ravi.Sdk.Models;

/// <summary>An SMS message.</summary>
public sealed record SmsMessage
{
    /// <summary>The message id.</summary>
    public long Id { get; init; }

    /// <summary>The API URL of the message.</summary>
    public string? Url { get; init; }

    /// <summary>The sender.</summary>
    public string? FromNumber { get; init; }

    /// <summary>The recipient.</summary>
    public string? ToNumber { get; init; }

    /// <summary>The text.</summary>
    public string? Body { get; init; }

    /// <summary>The carrier's message id.</summary>
    public string? MessageSid { get; init; }

    /// <summary>The identity's phone (as the server reports it).</summary>
    [JsonConverter(typeof(RaviIdStringConverter))]
    public string? Phone { get; init; }

    /// <summary><c>inbound</c> or <c>outbound</c>.</summary>
    public string? Direction { get; init; }

    /// <summary>Whether it has been read.</summary>
    public bool IsRead { get; init; }

    /// <summary>When it was received or sent.</summary>
    public DateTimeOffset? CreatedDt { get; init; }

    /// <summary>Shows which message, who and when; never the body (it carries codes).</summary>
    /// <returns>A description without message content.</returns>
    public override string ToString() =>
        $"SmsMessage {{ Id = {Id}, FromNumber = {FromNumber}, ToNumber = {ToNumber}, Direction = {Direction}, IsRead = {IsRead}, " +
        $"CreatedDt = {CreatedDt:O}, Body = {Mask(Body)} }}";

    private static string Mask(string? value) => value is null ? "null" : "***";
}
