using System.Net;
using Ravi.Sdk.Models;
using Ravi.Sdk.Tests.Support;

namespace Ravi.Sdk.Tests.Exceptions;

/// <summary>
/// A server that echoes secrets in an error body (a field error quoting the refresh token, the password, a vault value,
/// the bearer token in an HTML page) never gets them into the exception's Message, ToString() or ResponseBody; message
/// models never show codes or bodies in ToString().
/// </summary>
public sealed class ErrorRedactionTests
{
    private const string Access = "eyJhbGciOiJIUzI1NiJ9.eyJzdWIiOiIxIn0.access-SECRET-9f8e7d";
    private const string Refresh = "refresh-SECRET-7c6b5a4f3e2d1c0b";

    [Fact]
    public async Task A_field_error_that_echoes_the_refresh_token_is_redacted()
    {
        using var h = new WireHarness();
        h.ExpectJson(HttpMethod.Post, "api/auth/token/refresh/", $$"""{"refresh":["Token '{{Refresh}}' is invalid or expired"],"code":"token_not_valid"}""", HttpStatusCode.BadRequest);

        var ex = await Assert.ThrowsAsync<RaviBadRequestException>(() => h.Client.Auth.RefreshTokenAsync(Refresh));

        AssertClean(ex, Refresh);
        Assert.Equal("token_not_valid", ex.Code);
        Assert.Contains("refresh", ex.FieldErrors.Keys);
        Assert.Contains("is invalid or expired", ex.FieldErrors["refresh"][0], StringComparison.Ordinal); // the message survives
    }

    [Fact]
    public async Task Secret_bearing_fields_are_redacted_whatever_they_hold()
    {
        using var h = new WireHarness();
        h.ExpectJson(HttpMethod.Post, "api/auth/login/",
            """{"password":"hunter2-SECRET","access":"acc-SECRET-1","refresh_token":["rt-SECRET-2"],"nested":{"private_key":"pk-SECRET-3","pin":"123456"},"value":"sk-SECRET-4","email":["Enter a valid email address."]}""",
            HttpStatusCode.BadRequest);

        var ex = await Assert.ThrowsAsync<RaviBadRequestException>(() => h.Client.Auth.LoginAsync("agent@example.com", "hunter2-SECRET"));

        foreach (var secret in new[] { "hunter2-SECRET", "acc-SECRET-1", "rt-SECRET-2", "pk-SECRET-3", "123456", "sk-SECRET-4" })
        {
            AssertClean(ex, secret);
        }

        Assert.Equal(["Enter a valid email address."], ex.FieldErrors["email"]);
        Assert.Contains("\"private_key\"", ex.ResponseBody, StringComparison.Ordinal); // the shape is kept
    }

    [Fact]
    public async Task The_clients_current_tokens_are_redacted_anywhere_in_a_body_even_a_non_json_one()
    {
        using var h = new WireHarness(o => { o.AccessToken = Access; o.RefreshToken = Refresh; });
        h.Expect(HttpMethod.Get, "api/auth/user/").Respond(_ => Task.FromResult(new HttpResponseMessage(HttpStatusCode.BadGateway)
        {
            Content = new StringContent($"<html><body>upstream rejected Authorization: Bearer {Access} (refresh {Refresh})</body></html>", System.Text.Encoding.UTF8, "text/html"),
        }));

        var ex = await Assert.ThrowsAsync<RaviServerException>(() => h.Client.Auth.GetCurrentUserAsync());

        AssertClean(ex, Access);
        AssertClean(ex, Refresh);
        Assert.Contains("upstream rejected", ex.Message, StringComparison.Ordinal);
    }

    [Fact]
    public async Task A_detail_that_quotes_the_bearer_token_is_redacted()
    {
        using var h = new WireHarness(o => o.AccessToken = Access);
        h.ExpectJson(HttpMethod.Get, "api/auth/user/", $$"""{"detail":"Given token {{Access}} not valid for any token type"}""", HttpStatusCode.Forbidden);

        var ex = await Assert.ThrowsAsync<RaviForbiddenException>(() => h.Client.Auth.GetCurrentUserAsync());

        AssertClean(ex, Access);
        Assert.Contains("not valid for any token type", ex.Detail, StringComparison.Ordinal);
    }

    [Fact]
    public async Task A_truncated_json_body_is_still_redacted()
    {
        using var h = new WireHarness();
        var body = "{\"password\": \"hunter2-SECRET\", \"filler\": \"" + new string('x', 100_000) + "\"}";
        h.ExpectJson(HttpMethod.Post, "api/auth/login/", body, HttpStatusCode.BadRequest);

        var ex = await Assert.ThrowsAsync<RaviBadRequestException>(() => h.Client.Auth.LoginAsync("agent@example.com", "other"));

        AssertClean(ex, "hunter2-SECRET");
    }

    [Fact]
    public void Message_models_never_show_codes_or_bodies()
    {
        const string Code = "847291";
        object[] models =
        [
            new EmailMessage { Id = 7, ThreadId = "t-1", FromEmail = "a@b.c", Subject = $"Your code is {Code}", TextContent = $"Code {Code}", HtmlContent = $"<b>{Code}</b>" },
            new EmailThread { ThreadId = "t-1", Subject = $"Your code is {Code}", Preview = $"Code {Code}", FromEmail = "a@b.c" },
            new EmailThreadDetail { ThreadId = "t-1", Subject = $"Your code is {Code}", MessageCount = 1, Messages = [new EmailMessage { Id = 7, TextContent = Code }] },
            new SmsConversation { ConversationId = "c-1", FromNumber = "+15551234567", Preview = $"Your code is {Code}", Messages = [new SmsConversationMessage { Id = 1, Body = Code }] },
            new SmsConversationMessage { Id = 1, Body = $"Your code is {Code}" },
            new SmsMessage { Id = 3, FromNumber = "+15551234567", Body = $"Your code is {Code}" },
        ];

        foreach (var model in models)
        {
            var text = model.ToString()!;
            Assert.DoesNotContain(Code, text, StringComparison.Ordinal);
            Assert.StartsWith(model.GetType().Name + " {", text, StringComparison.Ordinal);
        }

        Assert.Contains("a@b.c", models[0].ToString(), StringComparison.Ordinal); // who and which are still shown
        Assert.Contains("t-1", models[1].ToString(), StringComparison.Ordinal);
        Assert.Contains("+15551234567", models[5].ToString(), StringComparison.Ordinal);
    }

    private static void AssertClean(RaviApiException ex, string secret)
    {
        Assert.DoesNotContain(secret, ex.Message, StringComparison.Ordinal);
        Assert.DoesNotContain(secret, ex.ToString(), StringComparison.Ordinal);
        Assert.DoesNotContain(secret, ex.ResponseBody ?? string.Empty, StringComparison.Ordinal);
        Assert.DoesNotContain(secret, ex.Detail ?? string.Empty, StringComparison.Ordinal);
        Assert.All(ex.FieldErrors.Values.SelectMany(v => v), m => Assert.DoesNotContain(secret, m, StringComparison.Ordinal));
    }
}
