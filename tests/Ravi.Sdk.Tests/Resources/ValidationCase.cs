namespace Ravi.Sdk.Tests.Resources;

/// <summary>One invalid call: what to invoke, the exact exception type and the parameter it must name.</summary>
internal sealed record ValidationCase(Func<RaviClient, Task> Call, Type Exception, string ParamName);
