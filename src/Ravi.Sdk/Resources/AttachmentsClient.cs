using System.Net.Http.Headers;
using Ravi.Sdk.Http;
using Ravi.Sdk.Internal;
using Ravi.Sdk.Models;
using Ravi.Sdk.Serialization;
using Ravi.Sdk.Serialization.Wire;

namespace Ravi.Sdk.Resources;

/// <summary>
/// Email attachments: presign an upload slot (<c>POST /api/email-attachments/presign/</c>), then PUT the bytes straight
/// to storage (no bearer token), then pass the UUID in <see cref="ComposeEmailRequest.AttachmentUuids"/>.
/// </summary>
public class AttachmentsClient
{
    private const string Path = "api/email-attachments/presign/";
    private readonly RaviScope _scope = null!;

    /// <summary>Constructor for mocking frameworks.</summary>
    protected AttachmentsClient()
    {
    }

    internal AttachmentsClient(RaviScope scope) => _scope = scope;

    /// <summary>Gets a presigned upload URL (<c>POST /api/email-attachments/presign/</c>).</summary>
    /// <param name="fileName">The attachment's file name.</param>
    /// <param name="contentType">Its MIME type.</param>
    /// <param name="size">Its size in bytes.</param>
    /// <param name="cancellationToken">Cancels the call.</param>
    /// <returns>The upload slot.</returns>
    public virtual Task<PresignedUpload> PresignAsync(string fileName, string contentType, long size, CancellationToken cancellationToken = default)
    {
        Guard.NotEmpty(fileName);
        ValidateContentType(contentType);
        ArgumentOutOfRangeException.ThrowIfNegative(size);
        var request = _scope.Request(HttpMethod.Post, Path, IdentityScope.Optional);
        RaviPipeline.SetJsonBody(request, new PresignBody(fileName, contentType, size), RaviJsonContext.Default.PresignBody);
        return _scope.Pipeline.SendAsync(request, RaviJsonContext.Default.PresignedUpload, cancellationToken);
    }

    /// <summary>
    /// PUTs <paramref name="content"/> to a presigned URL, streaming (the file is not buffered). No bearer token or Ravi
    /// header is sent. The upload goes through the client's handler chain (your <c>AddPolicy</c> handlers, the attempt and
    /// overall timeouts, the log line and span); a seekable stream is rewound and the PUT retried on transient failures, a
    /// stream that cannot seek is sent once.
    /// </summary>
    /// <param name="upload">The slot from <see cref="PresignAsync"/>.</param>
    /// <param name="content">The bytes; read from its current position; not disposed.</param>
    /// <param name="contentType">The MIME type (must match the presign).</param>
    /// <param name="size">The number of bytes to send (Content-Length).</param>
    /// <param name="cancellationToken">Cancels the upload.</param>
    /// <returns>A task that completes when storage accepted the upload.</returns>
    public virtual async Task UploadAsync(PresignedUpload upload, Stream content, string contentType, long size, CancellationToken cancellationToken = default)
    {
        ArgumentNullException.ThrowIfNull(upload);
        ArgumentNullException.ThrowIfNull(content);
        ValidateContentType(contentType);
        ArgumentOutOfRangeException.ThrowIfNegative(size);
        if (!Uri.TryCreate(upload.UploadUrl, UriKind.Absolute, out var uri) || (uri.Scheme != Uri.UriSchemeHttps && uri.Scheme != Uri.UriSchemeHttp))
        {
            throw new ArgumentException("The upload URL is not an absolute http(s) URL.", nameof(upload));
        }

        using var request = new HttpRequestMessage(HttpMethod.Put, uri);
        var body = new RaviStreamContent(content);
        body.Headers.ContentType = MediaTypeHeaderValue.Parse(contentType);
        body.Headers.ContentLength = size;
        request.Content = body;
        await _scope.Pipeline.SendAnonymousAsync(request, cancellationToken).ConfigureAwait(false);
    }

    /// <summary>Presigns and uploads in one call, returning the attachment UUID for compose/reply.</summary>
    /// <param name="fileName">The attachment's file name.</param>
    /// <param name="contentType">Its MIME type.</param>
    /// <param name="content">A stream with a known length (seekable) positioned at the start of the bytes; not disposed.</param>
    /// <param name="cancellationToken">Cancels the call.</param>
    /// <returns>The attachment's UUID.</returns>
    public virtual async Task<string> UploadAsync(string fileName, string contentType, Stream content, CancellationToken cancellationToken = default)
    {
        ArgumentNullException.ThrowIfNull(content);
        if (!content.CanSeek)
        {
            throw new ArgumentException("The stream must be seekable so its length is known; use PresignAsync + UploadAsync(upload, stream, contentType, size) otherwise.", nameof(content));
        }

        var size = content.Length - content.Position;
        var upload = await PresignAsync(fileName, contentType, size, cancellationToken).ConfigureAwait(false);
        await UploadAsync(upload, content, contentType, size, cancellationToken).ConfigureAwait(false);
        return upload.Uuid;
    }

    private static void ValidateContentType(string contentType)
    {
        Guard.NotEmpty(contentType);
        if (!MediaTypeHeaderValue.TryParse(contentType, out _))
        {
            throw new ArgumentException($"'{contentType}' is not a valid MIME type.", nameof(contentType));
        }
    }
}
