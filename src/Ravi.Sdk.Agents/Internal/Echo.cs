namespace Ravi.Sdk.Agents.Internal;

/// <summary>Input echoed back in error messages, cut so a huge argument cannot flood the model's context or the logs.</summary>
internal static class Echo
{
    public const int MaxLength = 200;

    /// <summary>Quotes <paramref name="value"/>, cut to <see cref="MaxLength"/> characters with the full length noted.</summary>
    public static string Quote(string value) =>
        value.Length <= MaxLength
            ? $"'{value}'"
            : $"'{value[..MaxLength]}…' ({value.Length} characters)";
}
