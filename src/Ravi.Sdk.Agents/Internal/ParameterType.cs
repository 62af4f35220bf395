namespace Ravi.Sdk.Agents.Internal;

/// <summary>The JSON type of a tool parameter.</summary>
internal enum ParameterType
{
    /// <summary>A JSON string.</summary>
    String,

    /// <summary>A JSON integer.</summary>
    Integer,

    /// <summary>A JSON boolean.</summary>
    Boolean,
}
