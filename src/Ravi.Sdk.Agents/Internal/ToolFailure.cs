namespace Ravi.Sdk.Agents.Internal;

/// <summary>An expected tool failure with the model-facing explanation; becomes an <c>ErrorContent</c>, never escapes.</summary>
internal sealed class ToolFailure : Exception
{
    public ToolFailure(string code, string message, string? argument = null)
        : base(message)
    {
        Code = code;
        Argument = argument;
    }

    public ToolFailure()
        : this(RaviToolErrorCodes.InternalError, "The tool failed.")
    {
    }

    public ToolFailure(string message)
        : this(RaviToolErrorCodes.InternalError, message)
    {
    }

    public ToolFailure(string message, Exception innerException)
        : base(message, innerException)
    {
        Code = RaviToolErrorCodes.InternalError;
    }

    public string Code { get; }

    /// <summary>The argument at fault, for binding errors.</summary>
    public string? Argument { get; }

    public static ToolFailure InvalidArgument(string argument, string message) => new(RaviToolErrorCodes.InvalidArgument, message, argument);

    public static ToolFailure NotFound(string message) => new(RaviToolErrorCodes.NotFound, message);
}
