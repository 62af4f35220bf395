using System.Text.Json.Serialization;
using Ravi.Sdk.Serialization;

namespace Ravi.Sdk.Models;

/// <summary>An identity: one email inbox, one phone number and one credential vault.</summary>
public sealed record Identity
{
    /// <summary>The identity's UUID (the <c>X-Ravi-Identity</c> value).</summary>
    [JsonConverter(typeof(RaviIdStringConverter))]
    public required string Uuid { get; init; }

    /// <summary>The identity's name, unique within the account.</summary>
    public required string Name { get; init; }

    /// <summary>The identity's email address, e.g. <c>my-agent@in.ravi.app</c>.</summary>
    public string? Inbox { get; init; }

    /// <summary>The identity's phone number in E.164 form.</summary>
    public string? Phone { get; init; }

    /// <summary>When the identity was created.</summary>
    public DateTimeOffset? CreatedDt { get; init; }

    /// <summary>When the identity was last updated.</summary>
    public DateTimeOffset? UpdatedDt { get; init; }
}
