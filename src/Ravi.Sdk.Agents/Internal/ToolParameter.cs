namespace Ravi.Sdk.Agents.Internal;

/// <summary>One parameter of a tool: its schema and its binding rules, in one place.</summary>
internal sealed record ToolParameter
{
    public required string Name { get; init; }

    public required ParameterType Type { get; init; }

    public required string Description { get; init; }

    public bool Required { get; init; }

    /// <summary>For strings: the allowed values.</summary>
    public IReadOnlyList<string>? Values { get; init; }

    /// <summary>For strings: the longest accepted value.</summary>
    public int MaxLength { get; init; } = 10_000;

    /// <summary>For integers: the smallest accepted value.</summary>
    public long? Minimum { get; init; }

    /// <summary>For integers: the largest accepted value.</summary>
    public long? Maximum { get; init; }

    public static ToolParameter String(string name, string description, bool required = false, int maxLength = 10_000) =>
        new() { Name = name, Type = ParameterType.String, Description = description, Required = required, MaxLength = maxLength };

    public static ToolParameter Choice(string name, string description, params string[] values) =>
        new() { Name = name, Type = ParameterType.String, Description = description, Values = values, MaxLength = 64 };

    public static ToolParameter Integer(string name, string description, long minimum, long maximum, bool required = false) =>
        new() { Name = name, Type = ParameterType.Integer, Description = description, Required = required, Minimum = minimum, Maximum = maximum };

    public static ToolParameter Boolean(string name, string description) =>
        new() { Name = name, Type = ParameterType.Boolean, Description = description };
}
