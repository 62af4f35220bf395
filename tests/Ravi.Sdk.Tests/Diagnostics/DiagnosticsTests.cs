using System.Collections.Concurrent;
using System.Diagnostics;
using System.Diagnostics.Metrics;
using System.Net;
using RichardSzalay.MockHttp;

namespace Ravi.Sdk.Tests.Diagnostics;

/// <summary>The ActivitySource and Meter named "Ravi.Sdk" report each operation and each HTTP attempt without secrets.</summary>
public sealed class DiagnosticsTests
{
    [Fact]
    public async Task Each_operation_is_one_activity_with_server_and_error_type_but_no_secrets()
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

        // One span per operation (the attempts are System.Net.Http's spans, not the SDK's).
        var list = activities.ToArray();
        Assert.Equal(["Ravi.Subscription.Get", "Ravi.Auth.GetCurrentUser"], list.Select(a => a.DisplayName));
        var ok = list[0];
        Assert.Equal(ActivityKind.Internal, ok.Kind);
        Assert.Equal(ActivityStatusCode.Unset, ok.Status);
        Assert.Equal(443, ok.GetTagItem("server.port"));
        var failed = list[1];
        Assert.Equal(ActivityStatusCode.Error, failed.Status);
        Assert.Equal(typeof(RaviNotFoundException).FullName, failed.GetTagItem("error.type"));
        foreach (var activity in list)
        {
            foreach (var tag in activity.Tags)
            {
                Assert.DoesNotContain("diag-secret-token", tag.Value ?? "", StringComparison.Ordinal);
            }
        }
    }

    [Fact]
    public async Task Each_attempt_records_its_duration_with_method_server_status_and_error_type()
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
        Assert.Equal("meter.ravi.test", mine.Tags["server.address"]);
        Assert.Equal(443, mine.Tags["server.port"]);
        Assert.Equal("418", mine.Tags["error.type"]);
    }
}
