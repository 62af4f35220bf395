namespace Ravi.Mcp.Runtime;

/// <summary>A PIN and where it came from (the source is named in messages; the PIN never is).</summary>
/// <param name="Pin">The PIN, or <see langword="null"/> when the source had none usable.</param>
/// <param name="Source">e.g. <c>RAVI_PIN</c> or <c>the PIN file /home/me/.ravi/pin</c>.</param>
/// <param name="Problem">Why the source is unusable (unreadable file, not 6 digits).</param>
internal sealed record PinSource(string? Pin, string Source, string? Problem)
{
    /// <inheritdoc/>
    public override string ToString() => $"PinSource {{ Source = {Source}, Pin = {(Pin is null ? "none" : "***")} }}";
}
