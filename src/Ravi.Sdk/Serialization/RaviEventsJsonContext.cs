using System.Text.Json.Serialization;
using Ravi.Sdk.Events;

namespace Ravi.Sdk.Serialization;

/// <summary>
/// Source-generated JSON metadata for the event-stream payloads, with the same options as <see cref="RaviJsonContext"/>.
/// </summary>
/// <remarks>
/// A separate context rather than a second partial declaration of <see cref="RaviJsonContext"/>: the System.Text.Json
/// source generator fails when <c>[JsonSerializable]</c> attributes sit on two partial declarations of one context
/// (dotnet/runtime#99669, "hintName … must be unique"). The two types can move into the main context at any time.
/// </remarks>
[JsonSourceGenerationOptions(
    PropertyNamingPolicy = JsonKnownNamingPolicy.SnakeCaseLower,
    DefaultIgnoreCondition = JsonIgnoreCondition.WhenWritingNull,
    NumberHandling = JsonNumberHandling.AllowReadingFromString,
    AllowTrailingCommas = true,
    ReadCommentHandling = System.Text.Json.JsonCommentHandling.Skip)]
[JsonSerializable(typeof(EmailEventPayload))]
[JsonSerializable(typeof(SmsEventPayload))]
internal sealed partial class RaviEventsJsonContext : JsonSerializerContext
{
}
