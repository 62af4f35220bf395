using Ravi.Sdk.Http;
using Ravi.Sdk.Internal;
using Ravi.Sdk.Models;
using Ravi.Sdk.Serialization;

namespace Ravi.Sdk.Resources;

/// <summary>End-to-end encryption metadata: <c>/api/encryption/</c> (account-level).</summary>
public class EncryptionClient
{
    private const string Path = "api/encryption/";
    private readonly RaviScope _scope = null!;

    /// <summary>Constructor for mocking frameworks.</summary>
    protected EncryptionClient()
    {
    }

    internal EncryptionClient(RaviScope scope) => _scope = scope;

    /// <summary>Gets the salt, public key and verifier (<c>GET /api/encryption/</c>).</summary>
    /// <param name="cancellationToken">Cancels the call.</param>
    /// <returns>The metadata.</returns>
    public virtual Task<EncryptionMetadata> GetMetadataAsync(CancellationToken cancellationToken = default) =>
        _scope.Pipeline.SendAsync(_scope.Request(HttpMethod.Get, Path, IdentityScope.None), RaviJsonContext.Default.EncryptionMetadata, cancellationToken);

    /// <summary>
    /// Uploads salt, public key and verifier after first-time setup (<c>POST /api/encryption/</c>, falling back to
    /// <c>PATCH</c> when the server answers 405).
    /// </summary>
    /// <param name="metadata">The metadata to store.</param>
    /// <param name="cancellationToken">Cancels the call.</param>
    /// <returns>The stored metadata.</returns>
    public virtual async Task<EncryptionMetadata> SaveMetadataAsync(EncryptionMetadata metadata, CancellationToken cancellationToken = default)
    {
        ArgumentNullException.ThrowIfNull(metadata);
        Guard.NotEmpty(metadata.Salt, nameof(metadata) + ".Salt");
        Guard.NotEmpty(metadata.PublicKey, nameof(metadata) + ".PublicKey");
        Guard.NotEmpty(metadata.Verifier, nameof(metadata) + ".Verifier");
        var body = metadata with { Id = null };
        var request = _scope.Request(HttpMethod.Post, Path, IdentityScope.None);
        RaviPipeline.SetJsonBody(request, body, RaviJsonContext.Default.EncryptionMetadata);
        try
        {
            return await _scope.Pipeline.SendAsync(request, RaviJsonContext.Default.EncryptionMetadata, cancellationToken).ConfigureAwait(false);
        }
        catch (RaviApiException ex) when ((int)ex.StatusCode == 405)
        {
            var patch = _scope.Request(HttpMethod.Patch, Path, IdentityScope.None);
            RaviPipeline.SetJsonBody(patch, body, RaviJsonContext.Default.EncryptionMetadata);
            return await _scope.Pipeline.SendAsync(patch, RaviJsonContext.Default.EncryptionMetadata, cancellationToken).ConfigureAwait(false);
        }
    }
}
