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
}
