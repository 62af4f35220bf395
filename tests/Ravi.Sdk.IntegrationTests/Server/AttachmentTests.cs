using System.Net;
using System.Net.Http.Headers;
using System.Text.Json.Nodes;

namespace Ravi.Sdk.IntegrationTests.Server;

public sealed class AttachmentTests : ServerTestBase
{
    private static readonly byte[] Pdf = [.. "%PDF-1.7 test"u8, .. Enumerable.Range(0, 3000).Select(i => (byte)i)];

    private async Task<(string Uuid, string UploadUrl)> PresignAsync(long size, string contentType = "application/pdf")
    {
        var presign = (await Api.PostAsync("api/email-attachments/presign/",
            new JsonObject { ["filename"] = "report.pdf", ["content_type"] = contentType, ["size"] = size })).Expect(200).Object;
        Assert.StartsWith("attachments/", presign["storage_key"]!.GetValue<string>());
        return (presign["uuid"]!.GetValue<string>(), presign["upload_url"]!.GetValue<string>());
    }

    private static HttpRequestMessage Upload(string url, byte[] bytes, string contentType = "application/pdf")
    {
        var request = new HttpRequestMessage(HttpMethod.Put, url) { Content = new ByteArrayContent(bytes) };
        request.Content.Headers.ContentType = MediaTypeHeaderValue.Parse(contentType);
        return request;
    }

    [Fact]
    public async Task Presign_upload_and_send_an_attachment()
    {
        var (uuid, url) = await PresignAsync(Pdf.Length);
        Assert.StartsWith(Server.BaseAddress.ToString() + "_storage/", url);

        using var anonymous = new HttpClient();
        using (var response = await anonymous.SendAsync(Upload(url, Pdf)))
        {
            Assert.Equal(HttpStatusCode.OK, response.StatusCode);
            Assert.NotNull(response.Headers.ETag);
        }

        var uploaded = Assert.Single(Server.UploadedAttachments);
        Assert.Equal(uuid, uploaded.Uuid);
        Assert.Equal(Pdf, uploaded.Content.ToArray());
        Assert.Equal("report.pdf", uploaded.FileName);
        Assert.Null(Server.Requests.Single(r => r.Method == "PUT").Header("Authorization"));

        var sent = (await Api.PostAsync("api/email-messages/compose/", new JsonObject
        {
            ["to"] = "a@example.com", ["subject"] = "report", ["body"] = "attached", ["attachment_uuids"] = new JsonArray(uuid),
        })).Expect(201).Object;
        var attachment = Assert.Single(sent["attachments"]!.AsArray())!;
        Assert.Equal(Pdf.Length, attachment["size"]!.GetValue<long>());
        Assert.Equal([uuid], Server.SentEmails.Single().AttachmentUuids);

        Assert.Equal(Pdf, await anonymous.GetByteArrayAsync(attachment["download_url"]!.GetValue<string>()));
    }

    [Fact]
    public async Task Uploads_carrying_a_bearer_token_are_rejected()
    {
        var (_, url) = await PresignAsync(Pdf.Length);
        var request = Upload(url, Pdf);
        request.Headers.Authorization = new AuthenticationHeaderValue("Bearer", Server.AccessToken);

        var response = (await Api.SendAsync(request)).Expect(400);
        Assert.Equal("authorization_not_allowed", response.ErrorCode);
        Assert.Empty(Server.UploadedAttachments);
    }

    [Fact]
    public async Task Uploads_must_match_the_presigned_size_type_and_signature()
    {
        var (uuid, url) = await PresignAsync(Pdf.Length);
        using var anonymous = new ServerApi(Server) { Token = null };

        Assert.Equal("size_mismatch", (await anonymous.SendAsync(Upload(url, Pdf[..100]))).Expect(400).ErrorCode);
        Assert.Equal("content_type_mismatch", (await anonymous.SendAsync(Upload(url, Pdf, "image/png"))).Expect(400).ErrorCode);
        Assert.Equal("signature_mismatch", (await anonymous.SendAsync(Upload(url.Replace("sig=", "sig=0"), Pdf))).Expect(403).ErrorCode);
        Assert.Equal("not_found", (await anonymous.SendAsync(Upload(url.Replace(uuid, Guid.NewGuid().ToString()), Pdf))).Expect(404).ErrorCode);
        Assert.Empty(Server.UploadedAttachments);

        // presigned but never uploaded: compose refuses it
        var compose = (await Api.PostAsync("api/email-messages/compose/", new JsonObject
        {
            ["to"] = "a@example.com", ["subject"] = "s", ["body"] = "b", ["attachment_uuids"] = new JsonArray(uuid),
        })).Expect(400);
        Assert.Contains("not been uploaded", compose.Object["attachment_uuids"]![0]!.GetValue<string>());
    }

    [Theory]
    [InlineData("{\"content_type\": \"application/pdf\", \"size\": 1}", "filename")]
    [InlineData("{\"filename\": \"../x\", \"content_type\": \"application/pdf\", \"size\": 1}", "filename")]
    [InlineData("{\"filename\": \"x\", \"content_type\": \"pdf\", \"size\": 1}", "content_type")]
    [InlineData("{\"filename\": \"x\", \"content_type\": \"application/pdf\", \"size\": \"1\"}", "size")]
    [InlineData("{\"filename\": \"x\", \"content_type\": \"application/pdf\", \"size\": -1}", "size")]
    [InlineData("{\"filename\": \"x\", \"content_type\": \"application/pdf\", \"size\": 1.5}", "size")]
    [InlineData("{\"filename\": \"x\", \"content_type\": \"application/pdf\", \"size\": 999999999999}", "size")]
    public async Task Presign_validates_its_fields(string body, string field)
    {
        var response = (await Api.PostAsync("api/email-attachments/presign/", body)).Expect(400);
        Assert.True(response.Object.ContainsKey(field), response.Text);
    }
}
