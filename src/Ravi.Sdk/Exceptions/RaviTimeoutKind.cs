namespace Ravi.Sdk;

/// <summary>Which timeout ended a request (see <see cref="RaviRequestTimeoutException"/>).</summary>
public enum RaviTimeoutKind
{
    /// <summary>One HTTP attempt took longer than <see cref="RaviClientOptions.AttemptTimeout"/>.</summary>
    Attempt,

    /// <summary>The whole call, retries and waits included, took longer than <see cref="RaviClientOptions.OverallTimeout"/>.</summary>
    Overall,
}
