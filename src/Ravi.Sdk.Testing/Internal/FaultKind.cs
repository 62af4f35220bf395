namespace Ravi.Sdk.Testing.Internal;

/// <summary>When a request fault acts.</summary>
internal enum FaultKind
{
    /// <summary>Delay the request, then run it.</summary>
    Delay,

    /// <summary>Answer with an error instead of running the request.</summary>
    FailBefore,

    /// <summary>Run the request, then replace its response with an error.</summary>
    FailAfter,
}
