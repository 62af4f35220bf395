using System.Net;
using System.Net.Http.Headers;
using System.Text;
using Microsoft.Extensions.Time.Testing;
using Ravi.Sdk.Tests.Support;
using RichardSzalay.MockHttp;

namespace Ravi.Sdk.Tests.Exceptions;

/// <summary>
/// Every non-success status becomes the matching <see cref="RaviApiException"/> subclass with the parsed parts of the
/// body and headers (MaxRetries = 0 so retries of 5xx/429 cannot mask the mapping).
/// </summary>
public sealed class ErrorMappingTests
{
    private static readonly DateTimeOffset Now = new(2026, 2, 25, 10, 30, 0, TimeSpan.Zero);
    private static readonly string LongHtml =
        "<!DOCTYPE html><html><head><title>502 Bad Gateway</title></head><body><h1>502 Bad Gateway</h1>" + new string('x', 10_000) + "</body></html>";

    private static readonly Dictionary<string, ErrorCase> Cases = new()
    {
        ["400 field errors"] = new()
        {
            Status = HttpStatusCode.BadRequest,
            Body = """{"name":["This field is required."],"inbox":["Too long.","Invalid characters."]}""",
            Exception = typeof(RaviBadRequestException),
            FieldErrors = new() { ["name"] = ["This field is required."], ["inbox"] = ["Too long.", "Invalid characters."] },
        },
        ["400 detail and code"] = new()
        {
            Status = HttpStatusCode.BadRequest,
            Body = """{"detail":"Invalid phone number format.","code":"invalid"}""",
            Exception = typeof(RaviBadRequestException),
            Code = "invalid",
            Detail = "Invalid phone number format.",
        },
        ["400 non-field errors array"] = new()
        {
            Status = HttpStatusCode.BadRequest,
            Body = """["Passwords do not match."]""",
            Exception = typeof(RaviBadRequestException),
            FieldErrors = new() { ["non_field_errors"] = ["Passwords do not match."] },
        },
        ["401 token expired"] = new()
        {
            Status = HttpStatusCode.Unauthorized,
            Body = """{"detail":"Given token not valid for any token type","code":"token_expired"}""",
            Exception = typeof(RaviAuthenticationException),
            Code = "token_expired",
            Detail = "Given token not valid for any token type",
        },
        ["402 payment required"] = new()
        {
            Status = HttpStatusCode.PaymentRequired,
            Body = """{"detail":"Subscription required.","code":"payment_required"}""",
            Exception = typeof(RaviPaymentRequiredException),
            Code = "payment_required",
            Detail = "Subscription required.",
        },
        ["403 forbidden"] = new()
        {
            Status = HttpStatusCode.Forbidden,
            Body = """{"detail":"Identity not owned by user.","code":"permission_denied"}""",
            Exception = typeof(RaviForbiddenException),
            Code = "permission_denied",
            Detail = "Identity not owned by user.",
        },
        ["404 not found with request id"] = new()
        {
            Status = HttpStatusCode.NotFound,
            Body = """{"detail":"Not found."}""",
            Headers = r => r.Headers.Add("X-Request-Id", "req-7f3a"),
            Exception = typeof(RaviNotFoundException),
            Detail = "Not found.",
            RequestId = "req-7f3a",
        },
        ["409 conflict"] = new()
        {
            Status = HttpStatusCode.Conflict,
            Body = """{"detail":"Identity name already taken.","code":"conflict"}""",
            Exception = typeof(RaviConflictException),
            Code = "conflict",
            Detail = "Identity name already taken.",
        },
        ["422 unprocessable"] = new()
        {
            Status = HttpStatusCode.UnprocessableEntity,
            Body = """{"to":["Enter a valid email address."]}""",
            Exception = typeof(RaviBadRequestException),
            FieldErrors = new() { ["to"] = ["Enter a valid email address."] },
        },
        ["429 retry_after_seconds in body wins over header"] = new()
        {
            Status = HttpStatusCode.TooManyRequests,
            Body = """{"detail":"Email send limit reached.","code":"throttled","retry_after_seconds":42}""",
            Headers = r => r.Headers.RetryAfter = new RetryConditionHeaderValue(TimeSpan.FromSeconds(10)),
            Exception = typeof(RaviRateLimitException),
            Code = "throttled",
            Detail = "Email send limit reached.",
            RetryAfter = TimeSpan.FromSeconds(42),
        },
        ["429 fractional retry_after_seconds"] = new()
        {
            Status = HttpStatusCode.TooManyRequests,
            Body = """{"detail":"Slow down.","retry_after_seconds":1.5}""",
            Exception = typeof(RaviRateLimitException),
            Detail = "Slow down.",
            RetryAfter = TimeSpan.FromSeconds(1.5),
        },
        ["429 Retry-After seconds header"] = new()
        {
            Status = HttpStatusCode.TooManyRequests,
            Body = """{"detail":"Slow down."}""",
            Headers = r => r.Headers.TryAddWithoutValidation("Retry-After", "30"),
            Exception = typeof(RaviRateLimitException),
            Detail = "Slow down.",
            RetryAfter = TimeSpan.FromSeconds(30),
        },
        ["429 Retry-After HTTP-date header"] = new()
        {
            Status = HttpStatusCode.TooManyRequests,
            Body = null,
            Headers = r => r.Headers.TryAddWithoutValidation("Retry-After", "Wed, 25 Feb 2026 10:31:30 GMT"),
            Exception = typeof(RaviRateLimitException),
            RetryAfter = TimeSpan.FromSeconds(90),
        },
        ["429 Retry-After HTTP-date in the past"] = new()
        {
            Status = HttpStatusCode.TooManyRequests,
            Body = null,
            Headers = r => r.Headers.TryAddWithoutValidation("Retry-After", "Wed, 25 Feb 2026 10:00:00 GMT"),
            Exception = typeof(RaviRateLimitException),
            RetryAfter = TimeSpan.Zero,
        },
        ["500 server error"] = new()
        {
            Status = HttpStatusCode.InternalServerError,
            Body = """{"detail":"A server error occurred."}""",
            Exception = typeof(RaviServerException),
            Detail = "A server error occurred.",
        },
        ["502 proxy HTML page"] = new()
        {
            Status = HttpStatusCode.BadGateway,
            Body = LongHtml,
            MediaType = "text/html",
            Headers = r => r.Headers.Add("X-Request-Id", "edge-1"),
            Exception = typeof(RaviServerException),
            RequestId = "edge-1",
            ResponseBodyCheck = b => b is not null && b.Length == 4097 && b.EndsWith('…') && LongHtml.StartsWith(b[..4096], StringComparison.Ordinal),
        },
        ["503 empty body"] = new()
        {
            Status = HttpStatusCode.ServiceUnavailable,
            Body = null,
            Exception = typeof(RaviServerException),
        },
        ["418 unmapped status"] = new()
        {
            Status = (HttpStatusCode)418,
            Body = """{"detail":"I'm a teapot"}""",
            Exception = typeof(RaviApiException),
            Detail = "I'm a teapot",
        },
    };

    public static TheoryData<string> CaseNames => [.. Cases.Keys];

    [Theory]
    [MemberData(nameof(CaseNames))]
    public async Task Status_maps_to_exception(string name)
    {
        var c = Cases[name];
        var clock = new FakeTimeProvider(Now);
        using var h = new WireHarness(o => o.TimeProvider = clock);
        h.Expect(HttpMethod.Get, "api/identities/" + Samples.OtherIdentityUuid + "/").Respond(_ => Build(c));

        var ex = await Assert.ThrowsAnyAsync<RaviApiException>(() => h.Client.Identities.GetAsync(Samples.OtherIdentityUuid));

        Assert.IsType(c.Exception, ex, exactMatch: true);
        Assert.Equal(c.Status, ex.StatusCode);
        Assert.Equal(c.Code, ex.Code);
        Assert.Equal(c.Detail, ex.Detail);
        Assert.Equal(
            c.FieldErrors.OrderBy(kv => kv.Key, StringComparer.Ordinal).Select(kv => (kv.Key, string.Join("|", kv.Value))),
            ex.FieldErrors.OrderBy(kv => kv.Key, StringComparer.Ordinal).Select(kv => (kv.Key, string.Join("|", kv.Value))));
        Assert.Equal(c.RetryAfter, ex.RetryAfter);
        Assert.Equal(c.RequestId, ex.RequestId);
        if (c.ResponseBodyCheck is { } check)
        {
            Assert.True(check(ex.ResponseBody), $"unexpected ResponseBody (length {ex.ResponseBody?.Length})");
        }
        else
        {
            Assert.Equal(c.Body, ex.ResponseBody);
        }

        Assert.StartsWith($"Ravi API error {(int)c.Status}", ex.Message, StringComparison.Ordinal);
        Assert.True(ex.Message.Length < 1000, "the message must not carry the whole body");
        if (c.Detail is not null)
        {
            Assert.Contains(c.Detail, ex.Message, StringComparison.Ordinal);
        }

        Assert.Single(h.Requests);
    }

    public static TheoryData<string> SendPaths => ["get", "list", "post", "put", "delete", "paged list, second page"];

    [Theory]
    [MemberData(nameof(SendPaths))]
    public async Task Every_send_path_maps_errors_the_same_way(string path)
    {
        using var h = new WireHarness();
        var item = "api/identities/" + Samples.OtherIdentityUuid + "/";
        var notFound = new ErrorCase
        {
            Status = HttpStatusCode.NotFound,
            Body = """{"detail":"Not found.","code":"not_found"}""",
            Headers = r => r.Headers.Add("X-Request-Id", "r-1"),
            Exception = typeof(RaviNotFoundException),
        };
        Func<Task> call = path switch
        {
            "get" => () => h.Client.Identities.GetAsync(Samples.OtherIdentityUuid),
            "list" => () => h.Client.Identities.ListAsync().ToListAsync().AsTask(),
            "post" => () => h.Client.Identities.CreateAsync("x"),
            "put" => () => h.Client.Identities.UpdateAsync(Samples.OtherIdentityUuid, "x"),
            "delete" => () => h.Client.Identities.DeleteAsync(Samples.OtherIdentityUuid),
            _ => () => h.Client.Identities.ListAsync().ToListAsync().AsTask(),
        };
        var (method, url) = path switch
        {
            "get" => (HttpMethod.Get, item),
            "list" => (HttpMethod.Get, "api/identities/"),
            "post" => (HttpMethod.Post, "api/identities/"),
            "put" => (HttpMethod.Put, item),
            "delete" => (HttpMethod.Delete, item),
            _ => (HttpMethod.Get, "api/identities/"),
        };
        if (path == "paged list, second page")
        {
            h.ExpectJson(HttpMethod.Get, url, $$"""{"next":"https://ravi.test/api/identities/?page=2","results":[{{Samples.IdentityJson()}}]}""");
            url += "?page=2";
        }

        h.Expect(method, url).Respond(_ => Build(notFound));

        var ex = await Assert.ThrowsAsync<RaviNotFoundException>(call);

        Assert.Equal("not_found", ex.Code);
        Assert.Equal("Not found.", ex.Detail);
        Assert.Equal("r-1", ex.RequestId);
        h.Mock.VerifyNoOutstandingExpectation();
    }

    private static HttpResponseMessage Build(ErrorCase c)
    {
        var response = new HttpResponseMessage(c.Status);
        if (c.Body is not null)
        {
            response.Content = new StringContent(c.Body, Encoding.UTF8, c.MediaType);
        }

        c.Headers?.Invoke(response);
        return response;
    }
}
