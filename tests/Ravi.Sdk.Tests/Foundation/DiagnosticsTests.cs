using System.Collections.Concurrent;
using System.Diagnostics;
using System.Diagnostics.Metrics;
using System.Net;
using RichardSzalay.MockHttp;

namespace Ravi.Sdk.Tests.Foundation;

/// <summary>The ActivitySource and Meter named "Ravi.Sdk" report each HTTP attempt without secrets.</summary>
public sealed class DiagnosticsTests
{
    [Fact]
    public async Task Each_attempt_is_an_activity_with_method_path_and_status_but_no_secrets()
    {
        var activities = new ConcurrentQueue<Activity>();
        using var listener = new ActivityListener
        {
            ShouldListenTo = source => source.Name == "Ravi.Sdk",
            Sample = (ref ActivityCreationOptions<ActivityContext> _) => ActivitySamplingResult.AllDataAndRecorded,
            ActivityStopped = a =>
            {
                if (a.GetTagItem("server.address") as string == "diag.ravi.test")
                {
                    activities.Enqueue(a);
                }
            },
        };
        ActivitySource.AddActivityListener(listener);

        var mock = new MockHttpMessageHandler();
        mock.When(HttpMethod.Get, "https://diag.ravi.test/api/subscription/").Respond("application/json", """{"status":"active","is_active":true}""");
        mock.When(HttpMethod.Get, "https://diag.ravi.test/api/auth/user/").Respond(HttpStatusCode.NotFound, "application/json", """{"detail":"nope"}""");
        using var client = new RaviClient(mock.ToHttpClient(), new RaviClientOptions
        {
            BaseAddress = new Uri("https://diag.ravi.test/"),
            AccessToken = "diag-secret-token",
            UseCliConfiguration = false,
            MaxRetries = 0,
        });

        await client.Subscription.GetAsync();
        await Assert.ThrowsAsync<RaviNotFoundException>(() => client.Auth.GetCurrentUserAsync());

        var list = activities.ToArray();
        Assert.Equal(2, list.Length);
        var ok = Assert.Single(list, a => (string?)a.GetTagItem("url.path") == "/api/subscription/");
        Assert.Equal(ActivityKind.Client, ok.Kind);
        Assert.Equal("GET", ok.GetTagItem("http.request.method"));
        Assert.Equal(200, ok.GetTagItem("http.response.status_code"));
        var failed = Assert.Single(list, a => (string?)a.GetTagItem("url.path") == "/api/auth/user/");
        Assert.Equal(404, failed.GetTagItem("http.response.status_code"));
        Assert.Equal(ActivityStatusCode.Error, failed.Status);
        foreach (var activity in list)
        {
            foreach (var tag in activity.Tags)
            {
                Assert.DoesNotContain("diag-secret-token", tag.Value ?? "", StringComparison.Ordinal);
            }
        }
    }

    [Fact]
    public async Task Each_attempt_records_its_duration_with_method_and_status()
    {
        var measurements = new ConcurrentQueue<(double Value, Dictionary<string, object?> Tags)>();
        using var listener = new MeterListener
        {
            InstrumentPublished = (instrument, l) =>
            {
                if (instrument.Meter.Name == "Ravi.Sdk" && instrument.Name == "ravi.client.request.duration")
                {
                    l.EnableMeasurementEvents(instrument);
                }
            },
        };
        listener.SetMeasurementEventCallback<double>((_, value, tags, _) =>
        {
            var dict = new Dictionary<string, object?>();
            foreach (var tag in tags)
            {
                dict[tag.Key] = tag.Value;
            }

            measurements.Enqueue((value, dict));
        });
        listener.Start();

        var mock = new MockHttpMessageHandler();
        // 418 is used by no other test, so parallel tests cannot be mistaken for this one.
        mock.When("https://meter.ravi.test/api/subscription/").Respond((HttpStatusCode)418, "application/json", "{}");
        using var client = new RaviClient(mock.ToHttpClient(), new RaviClientOptions
        {
            BaseAddress = new Uri("https://meter.ravi.test/"),
            AccessToken = "t",
            UseCliConfiguration = false,
            MaxRetries = 0,
        });

        await Assert.ThrowsAsync<RaviApiException>(() => client.Subscription.GetAsync());

        var mine = Assert.Single(measurements, m => m.Tags.TryGetValue("http.response.status_code", out var s) && s is 418);
        Assert.Equal("GET", mine.Tags["http.request.method"]);
        Assert.True(mine.Value >= 0);
    }
}
