using System.Net;
using Ravi.Sdk.Models;
using Ravi.Sdk.Tests.Support;
using RichardSzalay.MockHttp;

namespace Ravi.Sdk.Tests.Resources;

/// <summary>
/// <c>POST /api/email-attachments/presign/</c> then a PUT of the raw bytes straight to the storage URL: with
/// Content-Type and Content-Length, and no bearer token or identity header (storage is not the API).
/// </summary>
public sealed class AttachmentsWireTests
{
    private const string PresignPath = "api/email-attachments/presign/";

    [Fact]
    public async Task Presign_posts_filename_content_type_and_size()
    {
        using var h = new WireHarness();
        h.ExpectJson(HttpMethod.Post, PresignPath, Samples.PresignJson);

        var upload = await h.Scoped.Attachments.PresignAsync("report Q1.pdf", "application/pdf", 1234);

        RequestAssert.Api(h.SingleRequest(), HttpMethod.Post, PresignPath, identity: true,
            json: """{"filename":"report Q1.pdf","content_type":"application/pdf","size":1234}""");
        ModelAssert.Equivalent(Samples.Presigned, upload);
    }

    [Fact]
    public async Task Upload_puts_raw_bytes_to_presigned_url_without_authorization()
    {
        using var h = new WireHarness();
        h.Mock.Expect(HttpMethod.Put, "https://storage.test/bucket/att/7e6d").Respond(HttpStatusCode.OK);
        var bytes = Enumerable.Range(0, 70_000).Select(i => (byte)(i * 31)).ToArray();
        using var stream = new MemoryStream(bytes);

        await h.Scoped.Attachments.UploadAsync(Samples.Presigned, stream, "application/pdf", bytes.Length);

        var put = h.SingleRequest();
        AssertStorageUpload(put, bytes, "application/pdf");
        Assert.True(stream.CanRead, "the caller's stream must not be disposed");
    }

    [Fact]
    public async Task UploadAsync_presigns_then_uploads_the_remaining_bytes_and_returns_the_uuid()
    {
        using var h = new WireHarness();
        h.ExpectJson(HttpMethod.Post, PresignPath, Samples.PresignJson);
        h.Mock.Expect(HttpMethod.Put, "https://storage.test/bucket/att/7e6d").Respond(HttpStatusCode.OK);
        var bytes = "%PDF-1.7 hello attachment"u8.ToArray();
        using var stream = new MemoryStream(bytes);
        stream.Position = 5; // only what follows the current position is uploaded

        var uuid = await h.Scoped.Attachments.UploadAsync("hello.pdf", "application/pdf", stream);

        Assert.Equal(Samples.AttachmentUuid, uuid);
        var requests = h.AllRequests(2);
        RequestAssert.Api(requests[0], HttpMethod.Post, PresignPath, identity: true,
            json: $$"""{"filename":"hello.pdf","content_type":"application/pdf","size":{{bytes.Length - 5}}}""");
        AssertStorageUpload(requests[1], bytes[5..], "application/pdf");
        Assert.True(stream.CanRead, "the caller's stream must not be disposed");
    }

    [Fact]
    public async Task Upload_storage_error_becomes_api_exception()
    {
        using var h = new WireHarness();
        h.Mock.Expect(HttpMethod.Put, "https://storage.test/bucket/att/7e6d")
            .Respond(HttpStatusCode.Forbidden, "application/xml", "<Error><Code>SignatureDoesNotMatch</Code></Error>");
        using var stream = new MemoryStream([1, 2, 3]);

        var ex = await Assert.ThrowsAsync<RaviForbiddenException>(() => h.Scoped.Attachments.UploadAsync(Samples.Presigned, stream, "image/png", 3));

        Assert.Equal(HttpStatusCode.Forbidden, ex.StatusCode);
        Assert.Equal("<Error><Code>SignatureDoesNotMatch</Code></Error>", ex.ResponseBody);
    }

    private static void AssertStorageUpload(RecordedRequest put, byte[] expected, string contentType)
    {
        Assert.Equal(HttpMethod.Put, put.Method);
        Assert.Equal(Samples.UploadUrl, put.Uri.AbsoluteUri);
        Assert.Null(put.Header("Authorization"));
        Assert.Null(put.Header("X-Ravi-Identity"));
        Assert.Equal(contentType, put.ContentHeader("Content-Type"));
        Assert.Equal(expected.Length.ToString(System.Globalization.CultureInfo.InvariantCulture), put.ContentHeader("Content-Length"));
        Assert.Equal(expected, put.Body);
    }
}
