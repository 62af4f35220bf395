namespace Ravi.Sdk.Http;

/// <summary>
/// Carries the number of attempts the resilience handler made from the final response to the error factory (through the
/// options of the response's request message), so an error raised after retries says how many there were.
/// </summary>
internal static class RaviAttempts
{
    private static readonly HttpRequestOptionsKey<int> Key = new("Ravi.Attempts");

    /// <summary>Records <paramref name="attempts"/> on the response (nothing for a single attempt: that is the default).</summary>
    public static void Record(HttpResponseMessage response, int attempts)
    {
        if (attempts > 1)
        {
            response.RequestMessage?.Options.Set(Key, attempts);
        }
    }

    /// <summary>The recorded number of attempts; 1 when none was recorded.</summary>
    public static int Of(HttpResponseMessage response) =>
        response.RequestMessage is { } request && request.Options.TryGetValue(Key, out var attempts) && attempts > 0 ? attempts : 1;
}
