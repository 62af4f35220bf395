using Ravi.Sdk.Diagnostics;
using Ravi.Sdk.Http;
using Ravi.Sdk.Internal;
using Ravi.Sdk.Models;
using Ravi.Sdk.Serialization;
using Ravi.Sdk.Serialization.Wire;

namespace Ravi.Sdk.Resources;

/// <summary>Named secrets: <c>/api/vault/</c>. Requires an identity.</summary>
public class VaultClient
{
    private const string Path = "api/vault/";
    private readonly RaviScope _scope = null!;

    /// <summary>Constructor for mocking frameworks: members not overridden throw <see cref="InvalidOperationException"/>.</summary>
    protected VaultClient()
    {
    }

    internal VaultClient(RaviScope scope) => _scope = scope;

    /// <summary>Lists secrets (<c>GET /api/vault/</c>); values are redacted by the server, so <see cref="VaultSecret.Value"/> is null.</summary>
    /// <param name="requestOptions">Headers, timeouts and a response callback for each page request; null for the client's settings.</param>
    /// <param name="cancellationToken">Cancels the enumeration.</param>
    /// <returns>The secrets; enumerate them, or use <see cref="RaviAsyncPageable{T}.AsPages"/> for pages.</returns>
    /// <exception cref="RaviIdentityRequiredException">The client has no identity (thrown by this call, before enumerating).</exception>
    /// <include file="../Docs/CallExceptions.xml" path="doc/list/*" />
    /// <include file="../Docs/CallExceptions.xml" path="doc/arguments/*" />
    public virtual RaviAsyncPageable<VaultSecret> ListAsync(RaviRequestOptions? requestOptions = null, CancellationToken cancellationToken = default)
    {
        RaviMock.ThrowIfMock(_scope, this);
        _scope.RequireIdentity(HttpMethod.Get, Path, IdentityScope.Required);
        return _scope.Pipeline.List(Path, IdentityScope.Required, _scope.IdentityUuid, RaviJsonContext.Default.VaultSecretWire, ToModel, _scope.OptionsFor(requestOptions), cancellationToken);
    }

    /// <summary>Creates or updates (by key) a secret (<c>POST /api/vault/</c>); value and notes are encrypted first.</summary>
    /// <param name="secret">The secret.</param>
    /// <param name="requestOptions">Headers, timeouts and a response callback for this call; null for the client's settings.</param>
    /// <param name="cancellationToken">Cancels the call.</param>
    /// <returns>The stored secret.</returns>
    /// <exception cref="RaviIdentityRequiredException">The client has no identity.</exception>
    /// <exception cref="RaviCryptoException">The client is locked (<see cref="RaviCryptoErrorKind.Locked"/>); nothing is sent.</exception>
    /// <include file="../Docs/CallExceptions.xml" path="doc/call/*" />
    /// <include file="../Docs/CallExceptions.xml" path="doc/arguments/*" />
    public virtual Task<VaultSecret> SetAsync(VaultSecretRequest secret, RaviRequestOptions? requestOptions = null, CancellationToken cancellationToken = default)
    {
        RaviMock.ThrowIfMock(_scope, this);
        ArgumentNullException.ThrowIfNull(secret);
        Guard.NotEmpty(secret.Key, nameof(secret) + "." + nameof(secret.Key));
        ArgumentNullException.ThrowIfNull(secret.Value, nameof(secret) + "." + nameof(secret.Value));
        return SetCoreAsync(secret, requestOptions, cancellationToken);
    }

    /// <summary>Creates or updates a secret by key (<c>POST /api/vault/</c>); the value is encrypted first.</summary>
    /// <param name="key">The secret's key.</param>
    /// <param name="value">The secret value.</param>
    /// <param name="requestOptions">Headers, timeouts and a response callback for this call; null for the client's settings.</param>
    /// <param name="cancellationToken">Cancels the call.</param>
    /// <returns>The stored secret.</returns>
    /// <exception cref="RaviIdentityRequiredException">The client has no identity.</exception>
    /// <exception cref="RaviCryptoException">The client is locked (<see cref="RaviCryptoErrorKind.Locked"/>); nothing is sent.</exception>
    /// <include file="../Docs/CallExceptions.xml" path="doc/call/*" />
    /// <include file="../Docs/CallExceptions.xml" path="doc/arguments/*" />
    public virtual Task<VaultSecret> SetAsync(string key, string value, RaviRequestOptions? requestOptions = null, CancellationToken cancellationToken = default)
    {
        RaviMock.ThrowIfMock(_scope, this);
        Guard.NotEmpty(key);
        ArgumentNullException.ThrowIfNull(value);
        return SetCoreAsync(new VaultSecretRequest { Key = key, Value = value }, requestOptions, cancellationToken);
    }

    /// <summary>Gets one secret with its value (<c>GET /api/vault/{uuid}/</c>).</summary>
    /// <param name="secretUuid">The secret's UUID.</param>
    /// <param name="requestOptions">Headers, timeouts and a response callback for this call; null for the client's settings.</param>
    /// <param name="cancellationToken">Cancels the call.</param>
    /// <returns>The secret, decrypted when the client is unlocked.</returns>
    /// <exception cref="RaviIdentityRequiredException">The client has no identity.</exception>
    /// <exception cref="RaviCryptoException">The value or notes cannot be decrypted with the unlocked key.</exception>
    /// <include file="../Docs/CallExceptions.xml" path="doc/call/*" />
    /// <include file="../Docs/CallExceptions.xml" path="doc/arguments/*" />
    public virtual Task<VaultSecret> GetAsync(string secretUuid, RaviRequestOptions? requestOptions = null, CancellationToken cancellationToken = default)
    {
        RaviMock.ThrowIfMock(_scope, this);
        Guard.Uuid(secretUuid);
        return GetCoreAsync(secretUuid, requestOptions, cancellationToken);
    }

    /// <summary>
    /// Finds a secret by key and returns it with its value, or null when there is none: lists with <c>?key=</c> (the
    /// filter the official CLI sends), keeps only the entry whose key matches exactly (a server may ignore the filter),
    /// then gets that one entry. Only the match is decrypted: other entries in the list are never opened.
    /// </summary>
    /// <param name="key">The secret's key (exact, case-sensitive).</param>
    /// <param name="requestOptions">Headers, timeouts and a response callback for each request (list pages, then the get); null for the client's settings.</param>
    /// <param name="cancellationToken">Cancels the call.</param>
    /// <returns>The secret, or null.</returns>
    /// <exception cref="RaviIdentityRequiredException">The client has no identity.</exception>
    /// <exception cref="RaviCryptoException">The matching secret's value or notes cannot be decrypted with the unlocked key.</exception>
    /// <exception cref="RaviPageLimitException">The list went on past <see cref="RaviClientOptions.MaxPages"/> pages.</exception>
    /// <include file="../Docs/CallExceptions.xml" path="doc/call/*" />
    /// <include file="../Docs/CallExceptions.xml" path="doc/arguments/*" />
    public virtual async Task<VaultSecret?> GetByKeyAsync(string key, RaviRequestOptions? requestOptions = null, CancellationToken cancellationToken = default)
    {
        RaviMock.ThrowIfMock(_scope, this);
        Guard.NotEmpty(key);
        _scope.RequireIdentity(HttpMethod.Get, Path, IdentityScope.Required);
        // The list and the get are one operation.
        return await RaviOperation.RunAsync("Vault.GetByKey", _scope.Pipeline.BaseAddress, token => GetByKeyCoreAsync(key, requestOptions, token), cancellationToken).ConfigureAwait(false);
    }

    private async Task<VaultSecret?> GetByKeyCoreAsync(string key, RaviRequestOptions? requestOptions, CancellationToken cancellationToken)
    {
        var path = Path + new QueryString().Add("key", key);
        await foreach (var wire in _scope.Pipeline.List(path, IdentityScope.Required, _scope.IdentityUuid, RaviJsonContext.Default.VaultSecretWire, _scope.OptionsFor(requestOptions), cancellationToken).ConfigureAwait(false))
        {
            // The uuid is server data: escaped into one path segment, and a row whose uuid cannot be one is skipped.
            if (string.Equals(wire.Key, key, StringComparison.Ordinal) && Guard.TryPathSegment(wire.Uuid, out var segment))
            {
                return await GetCoreAsync(segment, requestOptions, cancellationToken).ConfigureAwait(false);
            }
        }

        return null;
    }

    /// <summary>Deletes a secret (<c>DELETE /api/vault/{uuid}/</c>).</summary>
    /// <param name="secretUuid">The secret's UUID.</param>
    /// <param name="requestOptions">Headers, timeouts and a response callback for this call; null for the client's settings.</param>
    /// <param name="cancellationToken">Cancels the call.</param>
    /// <returns>A task that completes when the secret is deleted.</returns>
    /// <exception cref="RaviIdentityRequiredException">The client has no identity.</exception>
    /// <include file="../Docs/CallExceptions.xml" path="doc/call/*" />
    /// <include file="../Docs/CallExceptions.xml" path="doc/arguments/*" />
    public virtual Task DeleteAsync(string secretUuid, RaviRequestOptions? requestOptions = null, CancellationToken cancellationToken = default)
    {
        RaviMock.ThrowIfMock(_scope, this);
        Guard.Uuid(secretUuid);
        return _scope.Pipeline.SendAsync(_scope.Request(HttpMethod.Delete, $"{Path}{secretUuid}/", IdentityScope.Required, requestOptions), cancellationToken);
    }

    private async Task<VaultSecret> SetCoreAsync(VaultSecretRequest secret, RaviRequestOptions? requestOptions, CancellationToken cancellationToken)
    {
        _scope.RequireIdentity(HttpMethod.Post, Path, IdentityScope.Required);
        var fields = _scope.Shared.Fields;
        var body = new VaultWriteBody
        {
            Key = secret.Key,
            Value = fields.Protect(secret.Value, "value")!,
            Notes = fields.Protect(secret.Notes, "notes"),
        };
        var request = _scope.Request(HttpMethod.Post, Path, IdentityScope.Required, requestOptions);
        RaviRequestFactory.SetJsonBody(request, body, RaviJsonContext.Default.VaultWriteBody);
        return ToModel(await _scope.Pipeline.SendAsync(request, RaviJsonContext.Default.VaultSecretWire, cancellationToken).ConfigureAwait(false));
    }

    // segment: the secret's uuid as one escaped path segment (a validated UUID is its own escaping).
    private async Task<VaultSecret> GetCoreAsync(string segment, RaviRequestOptions? requestOptions, CancellationToken cancellationToken)
    {
        var request = _scope.Request(HttpMethod.Get, $"{Path}{segment}/", IdentityScope.Required, requestOptions);
        return ToModel(await _scope.Pipeline.SendAsync(request, RaviJsonContext.Default.VaultSecretWire, cancellationToken).ConfigureAwait(false));
    }

    private VaultSecret ToModel(VaultSecretWire wire)
    {
        var fields = _scope.Shared.Fields;
        var encrypted = EncryptedFields.None;
        var value = fields.Unprotect(wire.Value, EncryptedFields.Value, ref encrypted);
        var notes = fields.Unprotect(wire.Notes, EncryptedFields.Notes, ref encrypted);
        return new VaultSecret
        {
            Uuid = wire.Uuid,
            IdentityUuid = wire.Identity,
            Key = wire.Key,
            Value = value,
            Notes = notes,
            EncryptedFields = encrypted,
            CreatedAt = wire.CreatedAt,
            UpdatedAt = wire.UpdatedAt,
        };
    }
}
