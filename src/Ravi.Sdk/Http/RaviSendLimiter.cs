using System.Collections.Concurrent;
using System.Net;

namespace Ravi.Sdk.Http;

/// <summary>
/// The optional client-side email send limiter (<see cref="RaviClientOptions.EnableSendLimiter"/>): at most 60 sends per
/// rolling hour and 500 per rolling day per identity, counted for <c>POST …/compose/</c>, <c>…/reply/</c> and <c>…/reply-all/</c>.
/// A sliding-window log over the pipeline's <see cref="TimeProvider"/> (exact, and testable with a fake clock), so a refused
/// send says precisely when the next slot frees. Refusals happen before anything is sent.
/// </summary>
internal sealed class RaviSendLimiter
{
    public const int PerHour = 60;
    public const int PerDay = 500;
    private static readonly TimeSpan Hour = TimeSpan.FromHours(1);
    private static readonly TimeSpan Day = TimeSpan.FromDays(1);

    private readonly TimeProvider _timeProvider;
    private readonly ConcurrentDictionary<string, List<long>> _windows = new(StringComparer.Ordinal);

    public RaviSendLimiter(TimeProvider timeProvider) => _timeProvider = timeProvider;

    /// <summary>Whether the request sends an email.</summary>
    public static bool IsSend(HttpRequestMessage request)
    {
        if (request.Method != HttpMethod.Post || request.RequestUri is not { } uri)
        {
            return false;
        }

        var path = uri.AbsolutePath;
        return path.Contains("/api/email-messages/", StringComparison.Ordinal) &&
               (path.EndsWith("/compose/", StringComparison.Ordinal) ||
                path.EndsWith("/reply/", StringComparison.Ordinal) ||
                path.EndsWith("/reply-all/", StringComparison.Ordinal));
    }

    /// <summary>The identity a send counts against.</summary>
    public static string IdentityOf(HttpRequestMessage request) =>
        request.Headers.TryGetValues(RaviHeaders.Identity, out var values) ? values.FirstOrDefault() ?? string.Empty : string.Empty;

    /// <summary>Takes a slot or throws <see cref="RaviRateLimitException"/> saying when one frees.</summary>
    public Lease Acquire(string identity)
    {
        var now = _timeProvider.GetUtcNow().UtcTicks;
        var window = _windows.GetOrAdd(identity, static _ => new List<long>());
        TimeSpan wait;
        lock (window)
        {
            var dayStart = now - Day.Ticks;
            var expired = 0;
            while (expired < window.Count && window[expired] <= dayStart)
            {
                expired++;
            }

            window.RemoveRange(0, expired);
            var hourStart = now - Hour.Ticks;
            var inHour = 0;
            for (var i = window.Count - 1; i >= 0 && window[i] > hourStart; i--)
            {
                inHour++;
            }

            wait = TimeSpan.Zero;
            if (inHour >= PerHour)
            {
                wait = Max(wait, TimeSpan.FromTicks(window[window.Count - PerHour] + Hour.Ticks - now));
            }

            if (window.Count >= PerDay)
            {
                wait = Max(wait, TimeSpan.FromTicks(window[window.Count - PerDay] + Day.Ticks - now));
            }

            if (wait == TimeSpan.Zero)
            {
                window.Add(now);
                return new Lease(identity, now);
            }
        }

        throw Refused(identity, wait);
    }

    /// <summary>Gives a slot back (the send provably did not happen).</summary>
    public void Release(Lease lease)
    {
        if (_windows.TryGetValue(lease.Identity, out var window))
        {
            lock (window)
            {
                var index = window.LastIndexOf(lease.Ticks);
                if (index >= 0)
                {
                    window.RemoveAt(index);
                }
            }
        }
    }

    private static TimeSpan Max(TimeSpan a, TimeSpan b) => a > b ? a : b;

    private static RaviRateLimitException Refused(string identity, TimeSpan wait)
    {
        var seconds = Math.Ceiling(wait.TotalSeconds);
        var message = $"The client-side email send limit was reached for identity {(identity.Length == 0 ? "(none)" : identity)}: " +
                      $"at most {PerHour} sends per hour and {PerDay} per day. Retry after {seconds:0} s. Nothing was sent.";
        return new RaviRateLimitException(message, new RaviErrorDetails
        {
            StatusCode = HttpStatusCode.TooManyRequests,
            Code = "client_send_limit",
            Detail = message,
            RetryAfter = wait,
        });
    }

    /// <summary>A taken slot.</summary>
    public readonly record struct Lease(string Identity, long Ticks);
}
