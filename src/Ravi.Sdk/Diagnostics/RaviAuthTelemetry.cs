using System.Diagnostics;

namespace Ravi.Sdk.Diagnostics;

/// <summary>Token refreshes: the <see cref="RaviMetrics.TokenRefreshes"/> counter and a <c>ravi.token_refresh</c> event on the operation span.</summary>
internal static class RaviAuthTelemetry
{
    /// <summary>Records one refresh call sent to <paramref name="refreshUri"/> that succeeded (<paramref name="failure"/> null) or failed.</summary>
    public static void Refreshed(Uri refreshUri, Exception? failure)
    {
        var errorType = failure is null ? null : RaviOperation.ErrorType(failure);
        if (RaviMetrics.TokenRefreshes.Enabled)
        {
            var tags = new TagList { { "server.address", refreshUri.Host }, { "server.port", refreshUri.Port } };
            if (errorType is not null)
            {
                tags.Add("error.type", errorType);
            }

            RaviMetrics.TokenRefreshes.Add(1, tags);
        }

        var eventTags = new TagList();
        if (errorType is not null)
        {
            eventTags.Add("error.type", errorType);
        }

        RaviOperation.AddEvent("ravi.token_refresh", eventTags);
    }
}
