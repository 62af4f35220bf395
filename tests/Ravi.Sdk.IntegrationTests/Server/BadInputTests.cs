using System.Net;
using System.Net.Http.Headers;
using System.Text;
using System.Text.Json.Nodes;

namespace Ravi.Sdk.IntegrationTests.Server;

/// <summary>Whatever a client sends, the server answers 4xx with a JSON error body, never 500 (asserted for every test by the base class too).</summary>
public sealed class BadInputTests : ServerTestBase
{
    private async Task<string[]> WritePathsAsync()
    {
        var message = Server.InjectEmail(Server.Identity.Uuid, "a@example.com", "s", "t").MessageId;
        var password = (await Api.PostAsync("api/passwords/", new JsonObject { ["domain"] = "d" })).Expect(201).Str("uuid");
        return
        [
            "POST api/auth/device/", "POST api/auth/device/token/", "POST api/auth/token/refresh/", "POST api/auth/login/",
            "POST api/auth/logout/", "POST api/identities/", $"PUT api/identities/{Server.Identity.Uuid}/",
            "POST api/email-messages/compose/", $"POST api/email-messages/{message}/reply/", $"POST api/email-messages/{message}/reply-all/",
            "POST api/email-attachments/presign/", "POST api/passwords/", $"PUT api/passwords/{password}/", "POST api/vault/",
            "POST api/encryption/", "PATCH api/encryption/",
        ];
    }

    private async Task<ApiResponse> SendAsync(string route, string body, string contentType = "application/json")
    {
        var parts = route.Split(' ');
        return await Api.SendAsync(new HttpMethod(parts[0]), parts[1], body, contentType);
    }

    [Theory]
    [InlineData("{", "parse_error")]
    [InlineData("{\"a\": }", "parse_error")]
    [InlineData("{\"a\": 1} trailing", "parse_error")]
    [InlineData("[]", null)]
    [InlineData("\"text\"", null)]
    [InlineData("null", null)]
    [InlineData("42", null)]
    public async Task Malformed_or_non_object_json_is_a_400_everywhere(string body, string? code)
    {
        foreach (var route in await WritePathsAsync())
        {
            var response = await SendAsync(route, body);
            Assert.True(response.Code == 400, $"{route} with {body}: {response.Code} {response.Text}");
            if (code is not null)
            {
                Assert.Equal(code, response.ErrorCode);
            }
            else
            {
                Assert.StartsWith("Invalid data. Expected a dictionary", response.Object["non_field_errors"]![0]!.GetValue<string>());
            }
        }
    }

    [Fact]
    public async Task Wrong_types_are_field_errors_everywhere()
    {
        const string body = """
            {"name": 1, "email": [], "password": {}, "refresh": 1, "device_code": true, "to": 1, "subject": [], "body": 1,
             "cc": 1, "filename": 1, "content_type": 1, "size": "10", "domain": 1, "key": 1, "value": 1, "salt": 1,
             "public_key": 1, "verifier": 1, "attachment_uuids": [1]}
            """;
        foreach (var route in (await WritePathsAsync()).Where(r => r is not ("POST api/auth/device/" or "POST api/auth/logout/")))
        {
            var response = await SendAsync(route, body);
            Assert.True(response.Code == 400, $"{route}: {response.Code} {response.Text}");
        }

        Assert.Empty(Server.SentEmails);
    }

    [Fact]
    public async Task Oversized_bodies_get_413_with_or_without_content_length()
    {
        var big = "{\"name\": \"" + new string('a', 1024 * 1024 + 10) + "\"}";
        var sized = await SendAsync("POST api/identities/", big);
        Assert.Equal(413, sized.Code);
        Assert.Equal("request_too_large", sized.ErrorCode);

        using var request = Api.CreateRequest(HttpMethod.Post, "api/identities/");
        request.Content = new StreamContent(new MemoryStream(Encoding.UTF8.GetBytes(big)));
        request.Content.Headers.ContentType = new MediaTypeHeaderValue("application/json");
        request.Headers.TransferEncodingChunked = true;
        Assert.Equal(413, (await Api.SendAsync(request)).Code);

        // the connection is still usable
        (await Api.GetAsync("api/identities/")).Expect(200);
    }

    [Fact]
    public async Task Non_json_content_types_get_415()
    {
        var response = await SendAsync("POST api/identities/", "name=x", "application/x-www-form-urlencoded");
        Assert.Equal(415, response.Code);
        Assert.Equal("unsupported_media_type", response.ErrorCode);
        Assert.Equal(201, (await SendAsync("POST api/identities/", "{\"name\": \"ok\"}", "application/json; charset=utf-8")).Code);
    }

    [Fact]
    public async Task Deep_nesting_invalid_utf8_duplicates_and_huge_numbers_are_not_500s()
    {
        Assert.Equal(400, (await SendAsync("POST api/identities/", "{\"name\": " + new string('[', 2000) + new string(']', 2000) + "}")).Code);

        using (var request = Api.CreateRequest(HttpMethod.Post, "api/identities/"))
        {
            request.Content = new ByteArrayContent([.. "{\"name\": \""u8, 0xFF, 0xFE, .. "\"}"u8]);
            request.Content.Headers.ContentType = new MediaTypeHeaderValue("application/json");
            Assert.Equal(400, (await Api.SendAsync(request)).Code);
        }

        Assert.Equal(400, (await SendAsync("POST api/email-attachments/presign/", "{\"filename\": \"x\", \"content_type\": \"a/b\", \"size\": 1e400}")).Code);
        var duplicate = await SendAsync("POST api/identities/", "{\"name\": \"a\", \"name\": \"b\"}");
        Assert.True(duplicate.Code is 201 or 400, duplicate.Text);
    }

    [Fact]
    public async Task Unknown_paths_missing_slashes_and_wrong_methods_get_json_errors()
    {
        var noSlash = (await Api.GetAsync("api/identities")).Expect(404);
        Assert.Equal("not_found", noSlash.ErrorCode);
        Assert.Equal("not_found", (await Api.GetAsync("api/nothing-here/")).Expect(404).ErrorCode);

        var wrongMethod = (await Api.DeleteAsync("api/auth/user/")).Expect(405);
        Assert.Equal("method_not_allowed", wrongMethod.ErrorCode);
        Assert.Equal(HttpStatusCode.MethodNotAllowed, wrongMethod.Status);
        Assert.Equal("application/json", wrongMethod.ContentHeaders.ContentType!.MediaType);
    }

    [Theory]
    [InlineData("Basic dXNlcjpwYXNz", "not_authenticated")]
    [InlineData("Bearer", "bad_authorization_header")]
    [InlineData("Bearer a b", "bad_authorization_header")]
    [InlineData("Bearer a.b.c", "token_not_valid")]
    [InlineData("Bearer ....", "token_not_valid")]
    [InlineData("Bearer eyJhbGciOiJub25lIn0.eyJqdGkiOiJ4In0.", "token_not_valid")]
    public async Task Malformed_authorization_headers_are_401s(string header, string code)
    {
        using var request = new HttpRequestMessage(HttpMethod.Get, "api/auth/user/");
        request.Headers.TryAddWithoutValidation("Authorization", header);
        var response = (await Api.SendAsync(request)).Expect(401);
        Assert.Equal(code, response.ErrorCode);
    }
}
