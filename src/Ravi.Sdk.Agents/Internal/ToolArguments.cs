using System.Globalization;
using System.Text.Json;
using System.Text.Json.Nodes;
using Microsoft.Extensions.AI;

namespace Ravi.Sdk.Agents.Internal;

/// <summary>
/// The arguments of one call, checked against the tool's parameters before any I/O. Accepts what function-invoking
/// clients and MCP servers pass (<see cref="JsonElement"/> values) and what direct callers pass (CLR primitives);
/// every refusal names the argument and says what is expected.
/// </summary>
internal sealed class ToolArguments
{
    private readonly Dictionary<string, object> _values;

    private ToolArguments(Dictionary<string, object> values) => _values = values;

    /// <summary>Binds <paramref name="arguments"/> to <paramref name="parameters"/>.</summary>
    /// <exception cref="ToolFailure">An argument is unknown, missing, of the wrong type or out of range.</exception>
    public static ToolArguments Bind(AIFunctionArguments arguments, IReadOnlyList<ToolParameter> parameters)
    {
        var values = new Dictionary<string, object>(StringComparer.Ordinal);
        foreach (var (name, raw) in arguments)
        {
            var parameter = parameters.FirstOrDefault(p => p.Name == name);
            if (parameter is null)
            {
                var known = parameters.Count == 0 ? "no arguments" : "only " + string.Join(", ", parameters.Select(p => p.Name));
                throw ToolFailure.InvalidArgument(name, $"Unknown argument {Echo.Quote(name)}: this tool takes {known}. Call it again without it.");
            }

            if (Convert(parameter, raw) is { } value)
            {
                values[name] = value;
            }
        }

        foreach (var parameter in parameters)
        {
            if (parameter.Required && !values.ContainsKey(parameter.Name))
            {
                throw ToolFailure.InvalidArgument(parameter.Name, $"The argument '{parameter.Name}' is required: {parameter.Description}");
            }
        }

        return new ToolArguments(values);
    }

    public string? String(string name) => _values.TryGetValue(name, out var v) ? (string)v : null;

    public string RequiredString(string name) => String(name) ?? throw new InvalidOperationException($"'{name}' is not a required string parameter.");

    public long? Integer(string name) => _values.TryGetValue(name, out var v) ? (long)v : null;

    public bool? Boolean(string name) => _values.TryGetValue(name, out var v) ? (bool)v : null;

    /// <summary>Converts one raw value; null (JSON null or absent) means "not given".</summary>
    private static object? Convert(ToolParameter parameter, object? raw)
    {
        raw = Unwrap(raw);
        if (raw is null)
        {
            return null;
        }

        return parameter.Type switch
        {
            ParameterType.String => CheckString(parameter, raw as string ?? throw WrongType(parameter, raw, "a string")),
            ParameterType.Integer => CheckInteger(parameter, ToInteger(parameter, raw)),
            ParameterType.Boolean => ToBoolean(parameter, raw),
            _ => throw new InvalidOperationException($"Unknown parameter type {parameter.Type}."),
        };
    }

    /// <summary>Turns JSON values into CLR primitives (strings, long/double, bool); null for JSON null.</summary>
    private static object? Unwrap(object? raw) => raw switch
    {
        JsonElement e => e.ValueKind switch
        {
            JsonValueKind.Null or JsonValueKind.Undefined => null,
            JsonValueKind.String => e.GetString(),
            JsonValueKind.True => true,
            JsonValueKind.False => false,
            JsonValueKind.Number => e.TryGetInt64(out var l) ? l : e.GetDouble(),
            _ => e,
        },
        JsonNode n => Unwrap(JsonSerializer.SerializeToElement(n, ToolJsonContext.Default.JsonNode)),
        int i => (long)i,
        short s => (long)s,
        byte b => (long)b,
        float f => (double)f,
        decimal m => (double)m,
        _ => raw,
    };

    private static string CheckString(ToolParameter parameter, string value)
    {
        if (value.Length > parameter.MaxLength)
        {
            throw ToolFailure.InvalidArgument(parameter.Name, $"The argument '{parameter.Name}' is {value.Length} characters long; at most {parameter.MaxLength} are allowed.");
        }

        if (parameter.Values is { } allowed)
        {
            var match = allowed.FirstOrDefault(a => string.Equals(a, value.Trim(), StringComparison.OrdinalIgnoreCase));
            return match ?? throw ToolFailure.InvalidArgument(parameter.Name, $"The argument '{parameter.Name}' must be one of {string.Join(", ", allowed.Select(a => $"'{a}'"))}; got {Echo.Quote(value)}.");
        }

        if (parameter.Required && string.IsNullOrWhiteSpace(value))
        {
            throw ToolFailure.InvalidArgument(parameter.Name, $"The argument '{parameter.Name}' must not be empty: {parameter.Description}");
        }

        return value;
    }

    private static long ToInteger(ToolParameter parameter, object raw) => raw switch
    {
        long l => l,
        double d when d == Math.Floor(d) && d is >= long.MinValue and <= long.MaxValue => (long)d,
        string s when long.TryParse(s.Trim(), NumberStyles.Integer, CultureInfo.InvariantCulture, out var l) => l, // models sometimes quote numbers
        _ => throw WrongType(parameter, raw, "an integer"),
    };

    private static long CheckInteger(ToolParameter parameter, long value)
    {
        if (value < parameter.Minimum || value > parameter.Maximum)
        {
            throw ToolFailure.InvalidArgument(parameter.Name, $"The argument '{parameter.Name}' must be between {parameter.Minimum} and {parameter.Maximum}; got {value}.");
        }

        return value;
    }

    private static bool ToBoolean(ToolParameter parameter, object raw) => raw switch
    {
        bool b => b,
        string s when bool.TryParse(s.Trim(), out var b) => b,
        _ => throw WrongType(parameter, raw, "true or false"),
    };

    private static ToolFailure WrongType(ToolParameter parameter, object raw, string expected)
    {
        var shown = raw switch
        {
            string s => Echo.Quote(s),
            JsonElement e => $"a JSON {e.ValueKind.ToString().ToLowerInvariant()}",
            bool b => b ? "true" : "false",
            long or double => System.Convert.ToString(raw, CultureInfo.InvariantCulture),
            _ => $"a value of type {raw.GetType().Name}",
        };
        return ToolFailure.InvalidArgument(parameter.Name, $"The argument '{parameter.Name}' must be {expected}; got {shown}.");
    }
}
