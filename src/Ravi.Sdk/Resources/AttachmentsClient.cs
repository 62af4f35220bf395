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

    /// <summary>Constructor for mocking frameworks: members not overridden throw <see cref="InvalidOperationException"/>.</summary>
    protected AttachmentsClient()
    {
    }

    internal AttachmentsClient(RaviScope scope) => _scope = scope;

    /// <summary>Gets a presigned upload URL (<c>POST /api/email-attachments/presign/</c>).</summary>
    /// <param name="fileName">The attachment's file name.</param>
    /// <param name="contentType">Its MIME type.</param>
    /// <param name="size">Its size in bytes.</param>
    /// <param name="requestOptions">Headers, timeouts and a response callback for this call; null for the client's settings.</param>
    /// <param name="cancellationToken">Cancels the call.</param>
    /// <returns>The upload slot.</returns>
    /// <include file="../Docs/CallExceptions.xml" path="doc/call/*" />
    /// <include file="../Docs/CallExceptions.xml" path="doc/arguments/*" />
    public virtual Task<PresignedUpload> PresignAsync(string fileName, string contentType, long size, RaviRequestOptions? requestOptions = null, CancellationToken cancellationToken = default)
    {
        RaviMock.ThrowIfMock(_scope, this);
        return PresignCoreAsync(fileName, contentType, size, requestOptions, cancellationToken);
    }

    /// <summary>
    /// PUTs <paramref name="content"/> to a presigned URL, streaming (the file is not buffered). No bearer token or Ravi
    /// header is sent, nor any header of <paramref name="requestOptions"/> (they are for the API); its callback sees the
    /// storage host's response. The upload goes through the client's handler chain (your <c>AddPolicy</c> handlers, the
    /// attempt and overall timeouts — the client's, or the call's from <paramref name="requestOptions"/> — the log line and
    /// span); a seekable stream is rewound and the PUT retried on transient failures, a stream that cannot seek is sent once.
    /// </summary>
    /// <param name="upload">The slot from <see cref="PresignAsync"/>.</param>
    /// <param name="content">The bytes; read from its current position; not disposed.</param>
    /// <param name="contentType">The MIME type (must match the presign).</param>
    /// <param name="size">The number of bytes to send (Content-Length).</param>
    /// <param name="requestOptions">A timeout, cancellation and a response callback for the upload; null for none.</param>
    /// <param name="cancellationToken">Cancels the upload.</param>
    /// <returns>A task that completes when storage accepted the upload.</returns>
    /// <exception cref="ArgumentException">The upload URL is not absolute http(s), the MIME type or size is invalid, or <paramref name="requestOptions"/> is invalid.</exception>
    /// <include file="../Docs/CallExceptions.xml" path="doc/call/*" />
    public virtual Task UploadAsync(PresignedUpload upload, Stream content, string contentType, long size, RaviRequestOptions? requestOptions = null, CancellationToken cancellationToken = default)
    {
        RaviMock.ThrowIfMock(_scope, this);
        return UploadCoreAsync(upload, content, contentType, size, requestOptions, cancellationToken);
    }

    /// <summary>Presigns and uploads in one call, returning the attachment UUID for compose/reply.</summary>
    /// <param name="fileName">The attachment's file name.</param>
    /// <param name="contentType">Its MIME type.</param>
    /// <param name="content">A stream with a known length (seekable) positioned at the start of the bytes; not disposed.</param>
    /// <param name="requestOptions">Applied to the presign request and the upload (see <see cref="UploadAsync(PresignedUpload, Stream, string, long, RaviRequestOptions?, CancellationToken)"/>); null for the client's settings.</param>
    /// <param name="cancellationToken">Cancels the call.</param>
    /// <returns>The attachment's UUID.</returns>
    /// <exception cref="ArgumentException">The stream is not seekable, the name or MIME type is invalid, or <paramref name="requestOptions"/> is invalid.</exception>
    /// <include file="../Docs/CallExceptions.xml" path="doc/call/*" />
    public virtual async Task<string> UploadAsync(string fileName, string contentType, Stream content, RaviRequestOptions? requestOptions = null, CancellationToken cancellationToken = default)
    {
        RaviMock.ThrowIfMock(_scope, this);
        ArgumentNullException.ThrowIfNull(content);
        if (!content.CanSeek)
        {
            throw new ArgumentException("The stream must be seekable so its length is known; use PresignAsync + UploadAsync(upload, stream, contentType, size) otherwise.", nameof(content));
        }

        var size = content.Length - content.Position;
        var upload = await PresignCoreAsync(fileName, contentType, size, requestOptions, cancellationToken).ConfigureAwait(false);
        await UploadCoreAsync(upload, content, contentType, size, requestOptions, cancellationToken).ConfigureAwait(false);
        return upload.Uuid;
    }

    private Task<PresignedUpload> PresignCoreAsync(string fileName, string contentType, long size, RaviRequestOptions? requestOptions, CancellationToken cancellationToken)
    {
        Guard.NotEmpty(fileName);
        ValidateContentType(contentType);
        ArgumentOutOfRangeException.ThrowIfNegative(size);
        var request = _scope.Request(HttpMethod.Post, Path, IdentityScope.Optional, requestOptions);
        RaviRequestFactory.SetJsonBody(request, new PresignBody(fileName, contentType, size), RaviJsonContext.Default.PresignBody);
        return _scope.Pipeline.SendAsync(request, RaviJsonContext.Default.PresignedUpload, cancellationToken);
    }

    private async Task UploadCoreAsync(PresignedUpload upload, Stream content, string contentType, long size, RaviRequestOptions? requestOptions, CancellationToken cancellationToken)
    {
        ArgumentNullException.ThrowIfNull(upload);
        ArgumentNullException.ThrowIfNull(content);
        ValidateContentType(contentType);
        ArgumentOutOfRangeException.ThrowIfNegative(size);
        var uri = upload.UploadUrl;
        if (uri is null || !uri.IsAbsoluteUri || (uri.Scheme != Uri.UriSchemeHttps && uri.Scheme != Uri.UriSchemeHttp))
        {
            throw new ArgumentException("The upload URL is not an absolute http(s) URL.", nameof(upload));
        }

        using var request = new HttpRequestMessage(HttpMethod.Put, uri);
        var body = new RaviStreamContent(content);
        body.Headers.ContentType = MediaTypeHeaderValue.Parse(contentType);
        body.Headers.ContentLength = size;
        request.Content = body;
        await _scope.Pipeline.SendAnonymousAsync(request, requestOptions, cancellationToken).ConfigureAwait(false);
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
