namespace Ravi.Sdk.Models;

/// <summary>A phone number assigned to an identity.</summary>
public sealed record Phone
{
    /// <summary>The phone record id.</summary>
    public long Id { get; init; }

    /// <summary>The number in E.164 form.</summary>
    public string? PhoneNumber { get; init; }

    /// <summary>The telephony provider.</summary>
    public string? Provider { get; init; }

    /// <summary>When it was assigned.</summary>
    public DateTimeOffset? CreatedDt { get; init; }
}
