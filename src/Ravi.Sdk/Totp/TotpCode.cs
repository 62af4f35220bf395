namespace Ravi.Sdk.Totp;

/// <summary>A time-based one-time code and the time step it belongs to.</summary>
public sealed record TotpCode
{
    /// <summary>The code, zero-padded to the enrolment's digits (e.g. <c>"041579"</c>). Secret while valid: do not log it.</summary>
    public required string Code { get; init; }

    /// <summary>When the code's time step began.</summary>
    public required DateTimeOffset ValidFrom { get; init; }

    /// <summary>When the next code takes over.</summary>
    public required DateTimeOffset ValidUntil { get; init; }

    /// <summary>How long the code stays valid from the moment it was computed, in whole seconds (at least 1 s): enter it quickly when this is small, or wait for the next one.</summary>
    public required TimeSpan TimeRemaining { get; init; }

    /// <summary>Describes the code without the code.</summary>
    /// <returns>A description safe to log.</returns>
    public override string ToString() => $"TotpCode {{ Code = ***, ValidUntil = {ValidUntil:O}, TimeRemaining = {TimeRemaining} }}";
}
