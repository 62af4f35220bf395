using System.Text.Json.Nodes;

namespace Ravi.Sdk.Auth;

/// <summary>The outcome of reading one of the CLI's files: its JSON object, or why there is none.</summary>
/// <param name="Path">The file.</param>
/// <param name="Status">What was found.</param>
/// <param name="Json">The object, when <see cref="RaviCliFileStatus.Ok"/>.</param>
/// <param name="Problem">Why it could not be used (for logs and error messages; never file content).</param>
/// <param name="Error">The I/O exception, if any.</param>
internal sealed record RaviCliFileRead(string Path, RaviCliFileStatus Status, JsonObject? Json, string? Problem, Exception? Error)
{
    /// <summary>The parsed <c>auth.json</c>, or <see langword="null"/> when there is no object.</summary>
    public RaviCliAuthFile? AuthFile => Json is null ? null : RaviCliAuthFile.FromObject(Json, Path);
}
