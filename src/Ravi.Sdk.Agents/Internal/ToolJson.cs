using System.Text.Encodings.Web;
using System.Text.Json;
using System.Text.Json.Serialization;

namespace Ravi.Sdk.Agents.Internal;

/// <summary>
/// The serializer of tool results: snake_case names, nulls left out, and the relaxed encoder, so that a phone number's
/// '+' or an accented name reaches the model as written (no <c>\u002B</c>). Results are never embedded in HTML.
/// </summary>
internal static class ToolJson
{
    public static readonly ToolJsonContext Context = CreateContext();

    /// <summary>Read-only options over <see cref="Context"/> (also resolve <see cref="JsonElement"/> and <see cref="object"/>).</summary>
    public static JsonSerializerOptions Options => Context.Options;

    private static ToolJsonContext CreateContext()
    {
        var options = new JsonSerializerOptions
        {
            PropertyNamingPolicy = JsonNamingPolicy.SnakeCaseLower,
            DefaultIgnoreCondition = JsonIgnoreCondition.WhenWritingNull,
            Encoder = JavaScriptEncoder.UnsafeRelaxedJsonEscaping,
        };
        var context = new ToolJsonContext(options);
        options.MakeReadOnly();
        return context;
    }
}
