using System.Net;
using System.Text.Json;
using Ravi.Sdk.Models;
using Ravi.Sdk.Tests.Support;

namespace Ravi.Sdk.Tests.Resources;

/// <summary><c>/api/encryption/</c> and <c>/api/subscription/</c> (account-level) and <c>/api/phone/</c> (identity-scoped).</summary>
public sealed class AccountWireTests
{
    private const string SaveBody = """{"salt":"AAAAAAAAAAAAAAAAAAAAAA==","verifier":"dmVyaWZpZXI=","public_key":"r1feBlhwAtS4e36U3AJLFQKjFYzWsXITkKpH1kffcHo="}""";

    [Fact]
    public async Task GetEncryptionMetadata_gets_without_identity_header()
    {
        using var h = new WireHarness();
        h.ExpectJson(HttpMethod.Get, "api/encryption/", Samples.EncryptionJson);

        var metadata = await h.Scoped.Encryption.GetMetadataAsync();

        RequestAssert.Api(h.SingleRequest(), HttpMethod.Get, "api/encryption/", identity: false);
        ModelAssert.Equivalent(Samples.Encryption, metadata);
    }

    [Fact]
    public async Task SaveMetadata_posts_salt_verifier_public_key_without_id()
    {
        using var h = new WireHarness();
        h.ExpectJson(HttpMethod.Post, "api/encryption/", Samples.EncryptionJson, HttpStatusCode.Created);

        var saved = await h.Scoped.Encryption.SaveMetadataAsync(Samples.Encryption);

        RequestAssert.Api(h.SingleRequest(), HttpMethod.Post, "api/encryption/", identity: false, json: SaveBody);
        ModelAssert.Equivalent(Samples.Encryption, saved);
    }

    [Fact]
    public async Task SaveMetadata_falls_back_to_patch_on_405()
    {
        using var h = new WireHarness();
        h.ExpectJson(HttpMethod.Post, "api/encryption/", """{"detail":"Method \"POST\" not allowed."}""", HttpStatusCode.MethodNotAllowed);
        h.ExpectJson(HttpMethod.Patch, "api/encryption/", Samples.EncryptionJson);

        var saved = await h.Client.Encryption.SaveMetadataAsync(Samples.Encryption);

        var requests = h.AllRequests(2);
        RequestAssert.Api(requests[0], HttpMethod.Post, "api/encryption/", identity: false, json: SaveBody);
        RequestAssert.Api(requests[1], HttpMethod.Patch, "api/encryption/", identity: false, json: SaveBody);
        ModelAssert.Equivalent(Samples.Encryption, saved);
    }

    [Fact]
    public async Task SaveMetadata_does_not_fall_back_on_other_errors()
    {
        using var h = new WireHarness();
        h.ExpectJson(HttpMethod.Post, "api/encryption/", """{"detail":"Already set up."}""", HttpStatusCode.Conflict);

        await Assert.ThrowsAsync<RaviConflictException>(() => h.Client.Encryption.SaveMetadataAsync(Samples.Encryption));

        Assert.Single(h.Requests);
    }

    [Fact]
    public async Task ListPhones_gets_with_identity()
    {
        using var h = new WireHarness();
        h.ExpectJson(HttpMethod.Get, "api/phone/", $"[{Samples.PhoneJson}]");

        var phones = await h.Scoped.Phone.ListAsync().ToListAsync();

        RequestAssert.Api(h.SingleRequest(), HttpMethod.Get, "api/phone/", identity: true);
        ModelAssert.Sequence([Samples.Phone], phones);
    }

    [Fact]
    public async Task GetSubscription_parses_known_fields_and_keeps_unknown_ones()
    {
        using var h = new WireHarness();
        h.ExpectJson(HttpMethod.Get, "api/subscription/",
            """{"status":"active","plan":"pro","is_active":true,"current_period_end":"2026-03-01T08:15:30.123456+02:00","seats":3,"features":["sms","email"]}""");

        var subscription = await h.Scoped.Subscription.GetAsync();

        RequestAssert.Api(h.SingleRequest(), HttpMethod.Get, "api/subscription/", identity: false);
        using var seats = JsonDocument.Parse("3");
        using var features = JsonDocument.Parse("""["sms","email"]""");
        ModelAssert.Equivalent(
            new Subscription
            {
                Status = SubscriptionStatus.Active,
                Plan = "pro",
                IsActive = true,
                CurrentPeriodEndsAt = Samples.Updated,
                AdditionalProperties = new Dictionary<string, JsonElement>
                {
                    ["seats"] = seats.RootElement.Clone(),
                    ["features"] = features.RootElement.Clone(),
                },
            },
            subscription);
    }

    [Fact]
    public async Task GetSubscription_402_is_payment_required()
    {
        using var h = new WireHarness();
        h.ExpectJson(HttpMethod.Get, "api/subscription/", """{"detail":"An active subscription is required.","code":"subscription_required"}""", HttpStatusCode.PaymentRequired);

        var ex = await Assert.ThrowsAsync<RaviPaymentRequiredException>(() => h.Client.Subscription.GetAsync());

        Assert.Equal(HttpStatusCode.PaymentRequired, ex.StatusCode);
        Assert.Equal("subscription_required", ex.Code);
        Assert.Equal("An active subscription is required.", ex.Detail);
    }

    [Fact]
    public async Task Paid_endpoint_402_is_payment_required()
    {
        using var h = new WireHarness();
        h.ExpectJson(HttpMethod.Post, "api/identities/", """{"detail":"Upgrade at ravi.app/billing"}""", HttpStatusCode.PaymentRequired);

        var ex = await Assert.ThrowsAsync<RaviPaymentRequiredException>(() => h.Client.Identities.CreateAsync("agent-2"));

        Assert.Equal("Upgrade at ravi.app/billing", ex.Detail);
        Assert.Null(ex.Code);
    }
}
