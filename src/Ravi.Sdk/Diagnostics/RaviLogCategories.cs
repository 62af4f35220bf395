namespace Ravi.Sdk.Diagnostics;

/// <summary>
/// Every logger category the SDK logs under, and the event-id range each area's messages use (ranges are disjoint; a test
/// checks every id is unique and inside its area's range).
/// </summary>
internal static class RaviLogCategories
{
    /// <summary>The handler chain and the pipeline: requests, retries, timeouts, API errors. Event ids 1000–1999.</summary>
    public const string Http = "Ravi.Sdk.Http";

    /// <summary>The event stream (SSE). Event ids 2000–2999.</summary>
    public const string Events = "Ravi.Sdk.Events";

    /// <summary>Credentials, token refresh, login, the CLI's files. Event ids 3000–3999.</summary>
    public const string Auth = "Ravi.Sdk.Auth";

    /// <summary>OTP, email and link waits. Event ids 4000–4999.</summary>
    public const string Otp = "Ravi.Sdk.Otp";

    /// <summary>Dependency injection: options reloads applied to running clients. Event ids 5000–5999.</summary>
    public const string DependencyInjection = "Ravi.Sdk.DependencyInjection";
}
