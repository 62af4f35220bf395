using System.Text.Json;
using System.Text.Json.Nodes;

namespace Ravi.Sdk.Agents.Internal;

/// <summary>
/// Writes a tool's input schema in the subset that OpenAI function calling and Anthropic tool use both accept: one
/// object, flat properties of type string, integer or boolean, <c>enum</c> for choices, <c>minimum</c>/<c>maximum</c>
/// for ranges, optional parameters simply not listed in <c>required</c>. No type unions, no <c>null</c>, no <c>$ref</c>,
/// no <c>default</c> (defaults are stated in the descriptions).
/// </summary>
internal static class ToolSchema
{
    public static JsonElement Create(IReadOnlyList<ToolParameter> parameters)
    {
        var properties = new JsonObject();
        var required = new JsonArray();
        foreach (var p in parameters)
        {
            var property = new JsonObject
            {
                ["type"] = p.Type switch
                {
                    ParameterType.String => "string",
                    ParameterType.Integer => "integer",
                    ParameterType.Boolean => "boolean",
                    _ => throw new InvalidOperationException($"Unknown parameter type {p.Type}."),
                },
                ["description"] = p.Description,
            };
            if (p.Values is { } values)
            {
                property["enum"] = new JsonArray([.. values.Select(v => (JsonNode)JsonValue.Create(v))]);
            }

            if (p.Minimum is { } minimum)
            {
                property["minimum"] = minimum;
            }

            if (p.Maximum is { } maximum)
            {
                property["maximum"] = maximum;
            }

            properties[p.Name] = property;
            if (p.Required)
            {
                required.Add((JsonNode)JsonValue.Create(p.Name));
            }
        }

        var schema = new JsonObject
        {
            ["type"] = "object",
            ["properties"] = properties,
        };
        if (required.Count > 0)
        {
            schema["required"] = required;
        }

        return JsonSerializer.SerializeToElement(schema, ToolJsonContext.Default.JsonObject);
    }
}
