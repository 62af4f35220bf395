using System.Diagnostics;
using System.Globalization;
using Ravi.Sdk.Http;

namespace Ravi.Sdk.Diagnostics;

/// <summary>
/// Records one HTTP attempt in <see cref="RaviMetrics.RequestDuration"/> with the OpenTelemetry HTTP client attributes
/// (<c>http.request.method</c>, <c>server.address</c>, <c>server.port</c>, <c>http.response.status_code</c>,
/// <c>error.type</c>). A status the SDK expects and handles is not an error: a 401 answered by a token refresh (see
/// <see cref="RefreshesOn401"/>) and a status the caller marked with <see cref="ExpectedStatus"/> (the 404 before the first
/// encryption setup) carry no <c>error.type</c>.
/// </summary>
internal static class RaviAttemptTelemetry
{
    /// <summary>Set by the token handler on an attempt whose 401 it will answer with a refresh and one replay.</summary>
    public static readonly HttpRequestOptionsKey<bool> RefreshesOn401 = new("Ravi.Telemetry.RefreshesOn401");

    /// <summary>A status code the calling operation handles as an ordinary answer (e.g. 404 meaning "not set up yet").</summary>
    public static readonly HttpRequestOptionsKey<int> ExpectedStatus = new("Ravi.Telemetry.ExpectedStatus");

    /// <summary>Records an attempt that got <paramref name="status"/> or failed with <paramref name="exception"/>.</summary>
    public static void Record(HttpRequestMessage request, TimeSpan elapsed, int? status, Exception? exception)
    {
        var uri = request.RequestUri;
        var tags = new TagList
        {
            { "http.request.method", request.Method.Method },
            { "server.address", uri?.Host },
            { "server.port", uri?.Port },
        };
        if (status is { } code)
        {
            tags.Add("http.response.status_code", code);
            if (code >= 400 && !IsExpected(request, code))
            {
                tags.Add("error.type", code.ToString(CultureInfo.InvariantCulture));
            }
        }
        else if (exception is not null)
        {
            tags.Add("error.type", ErrorType(exception));
        }

        RaviMetrics.RequestDuration.Record(elapsed.TotalSeconds, tags);
    }

    /// <summary>The <c>error.type</c> of a failed attempt: the <see cref="HttpRequestError"/> (snake case), else the exception's type.</summary>
    public static string ErrorType(Exception exception) => exception switch
    {
        HttpRequestException { HttpRequestError: not HttpRequestError.Unknown } http => SnakeCase(http.HttpRequestError.ToString()),
        OperationCanceledException => "timeout",
        _ => RaviOperation.ErrorType(exception),
    };

    private static bool IsExpected(HttpRequestMessage request, int status) =>
        (status == 401 && request.Options.TryGetValue(RefreshesOn401, out var refreshes) && refreshes) ||
        (request.Options.TryGetValue(ExpectedStatus, out var expected) && expected == status);

    private static string SnakeCase(string pascal)
    {
        var builder = new System.Text.StringBuilder(pascal.Length + 4);
        for (var i = 0; i < pascal.Length; i++)
        {
            var c = pascal[i];
            if (char.IsUpper(c))
            {
                if (i > 0)
                {
                    builder.Append('_');
                }

                builder.Append(char.ToLowerInvariant(c));
            }
            else
            {
                builder.Append(c);
            }
        }

        return builder.ToString();
    }
}
