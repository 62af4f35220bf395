using System.Text.Json;

namespace Ravi.Mcp.Tests.Support;

/// <summary>What OpenAI function calling and Anthropic tool use both accept: a flat object schema, one type per property, no $ref or unions.</summary>
public static class SchemaRules
{
    private static readonly HashSet<string> Types = ["string", "integer", "boolean", "number"];

    public static void AssertPortable(string tool, JsonElement schema)
    {
        Assert.Equal(JsonValueKind.Object, schema.ValueKind);
        Assert.Equal("object", schema.GetProperty("type").GetString());
        var text = schema.GetRawText();
        foreach (var forbidden in new[] { "$ref", "$defs", "anyOf", "oneOf", "allOf", "\"null\"" })
        {
            Assert.False(text.Contains(forbidden, StringComparison.Ordinal), $"{tool}: the schema contains {forbidden}: {text}");
        }

        var properties = schema.GetProperty("properties");
        foreach (var property in properties.EnumerateObject())
        {
            var type = property.Value.GetProperty("type");
            Assert.True(type.ValueKind == JsonValueKind.String && Types.Contains(type.GetString()!), $"{tool}.{property.Name}: type {type}");
            Assert.True(property.Value.TryGetProperty("description", out var description) && description.GetString()!.Length > 10,
                $"{tool}.{property.Name} has no description");
        }

        if (schema.TryGetProperty("required", out var required))
        {
            foreach (var name in required.EnumerateArray())
            {
                Assert.True(properties.TryGetProperty(name.GetString()!, out _), $"{tool}: required '{name}' is not a property");
            }
        }
    }
}
