using System.Net;
using Microsoft.Extensions.Logging;
using System.Security.Cryptography;
using Ravi.Sdk.Crypto;
using Ravi.Sdk.Diagnostics;
using Ravi.Sdk.Http;
using Ravi.Sdk.Internal;
using Ravi.Sdk.Models;
using Ravi.Sdk.Serialization;

namespace Ravi.Sdk.Resources;

/// <summary>
/// End-to-end encryption: metadata (<c>/api/encryption/</c>, account-level), first-time PIN setup, and unlocking the vault
/// key for this client. The key is held by the root client and shared by all of its <see cref="RaviClient.ForIdentity"/>
/// views; when unlocked, Passwords and Vault encrypt secret fields on write and decrypt them on read. It is wiped by
/// <see cref="Lock"/> and when the root client is disposed.
/// </summary>
public class EncryptionClient
{
    private const string Path = "api/encryption/";
    private readonly RaviScope _scope = null!;

    /// <summary>Constructor for mocking frameworks: members not overridden throw <see cref="InvalidOperationException"/>.</summary>
    protected EncryptionClient()
    {
    }

    internal EncryptionClient(RaviScope scope) => _scope = scope;

    /// <summary>Gets the salt, public key and verifier (<c>GET /api/encryption/</c>).</summary>
    /// <param name="requestOptions">Headers, timeouts and a response callback for this call; null for the client's settings.</param>
    /// <param name="cancellationToken">Cancels the call.</param>
    /// <returns>The metadata.</returns>
    /// <exception cref="RaviNotFoundException">The account has no encryption metadata yet (see <see cref="SetupAsync"/>).</exception>
    /// <include file="../Docs/CallExceptions.xml" path="doc/call/*" />
    /// <include file="../Docs/CallExceptions.xml" path="doc/arguments/*" />
    public virtual Task<EncryptionMetadata> GetMetadataAsync(RaviRequestOptions? requestOptions = null, CancellationToken cancellationToken = default)
    {
        RaviMock.ThrowIfMock(_scope, this);
        return GetMetadataCoreAsync(requestOptions, cancellationToken);
    }

    /// <summary>
    /// Uploads salt, public key and verifier (<c>POST /api/encryption/</c>, falling back to <c>PATCH</c> when the server
    /// answers 405). Not public: replacing the metadata of an account that has some makes every encrypted field unreadable,
    /// so only <see cref="SetupAsync"/>, which refuses that, calls it.
    /// </summary>
    internal async Task<EncryptionMetadata> SaveMetadataAsync(EncryptionMetadata metadata, RaviRequestOptions? requestOptions = null, CancellationToken cancellationToken = default)
    {
        ArgumentNullException.ThrowIfNull(metadata);
        Guard.NotEmpty(metadata.Salt, nameof(metadata) + ".Salt");
        Guard.NotEmpty(metadata.PublicKey, nameof(metadata) + ".PublicKey");
        Guard.NotEmpty(metadata.Verifier, nameof(metadata) + ".Verifier");
        var body = metadata with { Id = null };
        var request = _scope.Request(HttpMethod.Post, Path, IdentityScope.None, requestOptions);
        RaviRequestFactory.SetJsonBody(request, body, RaviJsonContext.Default.EncryptionMetadata);
        try
        {
            return await _scope.Pipeline.SendAsync(request, RaviJsonContext.Default.EncryptionMetadata, cancellationToken).ConfigureAwait(false);
        }
        catch (RaviApiException ex) when ((int)ex.StatusCode == 405)
        {
            var patch = _scope.Request(HttpMethod.Patch, Path, IdentityScope.None, requestOptions);
            RaviRequestFactory.SetJsonBody(patch, body, RaviJsonContext.Default.EncryptionMetadata);
            return await _scope.Pipeline.SendAsync(patch, RaviJsonContext.Default.EncryptionMetadata, cancellationToken).ConfigureAwait(false);
        }
    }

    /// <summary>Whether a vault key is unlocked on this client (shared by the root client and its identity views).</summary>
    /// <exception cref="InvalidOperationException">The instance was created for mocking and this member is not overridden.</exception>
    public virtual bool IsUnlocked
    {
        get
        {
            RaviMock.ThrowIfMock(_scope, this);
            return _scope.Shared.Fields.IsUnlocked;
        }
    }

    /// <summary>
    /// Unlocks the vault with the account PIN: fetches the metadata, derives the key (Argon2id, about a second, off the
    /// calling thread, with <see cref="RaviClientOptions.Argon2Implementation"/>), checks it against the verifier and the
    /// public key, and keeps it for Passwords and Vault. Replaces any key unlocked before.
    /// </summary>
    /// <param name="pin">The 6-digit PIN.</param>
    /// <param name="requestOptions">Headers, timeouts and a response callback for the metadata request; its token also cancels the key derivation. Null for the client's settings.</param>
    /// <param name="cancellationToken">Cancels the call.</param>
    /// <returns>A task that completes when the client is unlocked.</returns>
    /// <exception cref="ArgumentException">The PIN is not exactly 6 ASCII digits (nothing is sent).</exception>
    /// <exception cref="RaviCryptoException">
    /// <see cref="RaviCryptoErrorKind.WrongPin"/>: the key matches neither the public key nor the verifier.
    /// <see cref="RaviCryptoErrorKind.CorruptedMetadata"/>: the metadata is malformed, or only one of the two checks passes.
    /// <see cref="RaviCryptoErrorKind.NotSetUp"/>: the account has no encryption metadata yet.
    /// </exception>
    /// <include file="../Docs/CallExceptions.xml" path="doc/call/*" />
    public virtual async Task UnlockAsync(string pin, RaviRequestOptions? requestOptions = null, CancellationToken cancellationToken = default)
    {
        RaviMock.ThrowIfMock(_scope, this);
        PinKeyDerivation.ValidatePin(pin);
        await RaviOperation.RunAsync("Encryption.Unlock", _scope.Pipeline.BaseAddress, token => UnlockCoreAsync(pin, requestOptions, token), cancellationToken).ConfigureAwait(false);
    }

    private async Task UnlockCoreAsync(string pin, RaviRequestOptions? requestOptions, CancellationToken cancellationToken)
    {
        using var call = RaviCallOptions.Link(requestOptions, cancellationToken);
        cancellationToken = call.Token;
        var metadata = await TryGetMetadataAsync(requestOptions, cancellationToken).ConfigureAwait(false);
        var parsed = EncryptionMetadataCheck.Parse(metadata);
        var key = await RaviKeyPair.FromPinAsync(pin, parsed.Salt, _scope.Pipeline.Settings.Argon2Implementation, cancellationToken).ConfigureAwait(false);
        CliKeys? keys;
        try
        {
            EncryptionMetadataCheck.Verify(key, parsed);
            keys = CliKeysFor(key, metadata!.Salt!);
            _scope.Shared.Fields.Unlock(key);
            key = null;
        }
        finally
        {
            key?.Dispose();
        }

        await StoreForCliAsync(keys, cancellationToken).ConfigureAwait(false);
    }

    /// <summary>
    /// First-time setup, as the CLI does it: a random 16-byte salt, the key derived from the PIN, a verifier sealed for
    /// it, and <c>{salt, public_key, verifier}</c> uploaded (<c>POST /api/encryption/</c>, <c>PATCH</c> on 405). The client is unlocked
    /// afterwards. Refuses to run when the account already has a public key or verifier: replacing them would make every
    /// existing encrypted field unreadable.
    /// </summary>
    /// <param name="pin">The 6-digit PIN to set.</param>
    /// <param name="requestOptions">Headers, timeouts and a response callback for each request (the check, then the upload); its token also cancels the key derivation. Null for the client's settings.</param>
    /// <param name="cancellationToken">Cancels the call.</param>
    /// <returns>The stored metadata.</returns>
    /// <exception cref="ArgumentException">The PIN is not exactly 6 ASCII digits, or <paramref name="requestOptions"/> is invalid (nothing is sent).</exception>
    /// <exception cref="InvalidOperationException">Encryption is already set up for this account (or the instance is a mock that does not override this member).</exception>
    /// <include file="../Docs/CallExceptions.xml" path="doc/call/*" />
    public virtual async Task<EncryptionMetadata> SetupAsync(string pin, RaviRequestOptions? requestOptions = null, CancellationToken cancellationToken = default)
    {
        RaviMock.ThrowIfMock(_scope, this);
        PinKeyDerivation.ValidatePin(pin);
        return await RaviOperation.RunAsync("Encryption.Setup", _scope.Pipeline.BaseAddress, token => SetupCoreAsync(pin, requestOptions, token), cancellationToken).ConfigureAwait(false);
    }

    private async Task<EncryptionMetadata> SetupCoreAsync(string pin, RaviRequestOptions? requestOptions, CancellationToken cancellationToken)
    {
        using var call = RaviCallOptions.Link(requestOptions, cancellationToken);
        cancellationToken = call.Token;
        var existing = await TryGetMetadataAsync(requestOptions, cancellationToken).ConfigureAwait(false);
        if (EncryptionMetadataCheck.IsSetUp(existing))
        {
            throw new InvalidOperationException("End-to-end encryption is already set up for this account; unlock it with UnlockAsync. Setting it up again would make existing encrypted fields unreadable.");
        }

        var salt = new byte[RaviKeyPair.SaltLength];
        RandomNumberGenerator.Fill(salt);
        var key = await RaviKeyPair.FromPinAsync(pin, salt, _scope.Pipeline.Settings.Argon2Implementation, cancellationToken).ConfigureAwait(false);
        try
        {
            var metadata = new EncryptionMetadata
            {
                Salt = Convert.ToBase64String(salt),
                PublicKey = Convert.ToBase64String(key.PublicKey),
                Verifier = key.CreateVerifier(),
            };
            var stored = await SaveMetadataAsync(metadata, requestOptions, cancellationToken).ConfigureAwait(false);
            var keys = CliKeysFor(key, metadata.Salt);
            _scope.Shared.Fields.Unlock(key);
            key = null;
            await StoreForCliAsync(keys, cancellationToken).ConfigureAwait(false);
            return stored;
        }
        finally
        {
            key?.Dispose();
        }
    }

    /// <summary>
    /// Unlocks with a raw X25519 private key (32 bytes, clamped as the CLI stores it or unclamped as libsodium makes it),
    /// without a PIN or any request. The bytes are copied into pinned memory; wipe your copy.
    /// </summary>
    /// <param name="privateKey">The private key.</param>
    /// <exception cref="ArgumentException">The key is not 32 bytes.</exception>
    /// <exception cref="InvalidOperationException">The instance was created for mocking and this member is not overridden.</exception>
    public virtual void UnlockWithPrivateKey(ReadOnlySpan<byte> privateKey)
    {
        RaviMock.ThrowIfMock(_scope, this);
        _scope.Shared.Fields.Unlock(RaviKeyPair.FromPrivateKey(privateKey));
    }

    /// <summary>
    /// Unlocks with the key the CLI stores in <c>auth.json</c> (<c>private_key</c>, and optionally <c>public_key</c> to
    /// cross-check), both standard base64, without a PIN or any request.
    /// </summary>
    /// <param name="privateKeyBase64">The stored <c>private_key</c> (32 bytes, standard base64).</param>
    /// <param name="publicKeyBase64">The stored <c>public_key</c>, or null to skip the check.</param>
    /// <exception cref="ArgumentException">A value is not 32 bytes of standard base64.</exception>
    /// <exception cref="RaviCryptoException"><see cref="RaviCryptoErrorKind.InvalidKey"/>: the private key does not belong to the public key.</exception>
    /// <exception cref="InvalidOperationException">The instance was created for mocking and this member is not overridden.</exception>
    public virtual void UnlockWithPrivateKey(string privateKeyBase64, string? publicKeyBase64 = null)
    {
        RaviMock.ThrowIfMock(_scope, this);
        UnlockWithKeys(privateKeyBase64, publicKeyBase64);
    }

    private void UnlockWithKeys(string privateKeyBase64, string? publicKeyBase64)
    {
        ArgumentException.ThrowIfNullOrEmpty(privateKeyBase64);
        Span<byte> publicKey = stackalloc byte[RaviKeyPair.KeyLength];
        if (publicKeyBase64 is not null && !TryDecodeKey(publicKeyBase64, publicKey))
        {
            throw new ArgumentException("The public key must be 32 bytes of standard base64.", nameof(publicKeyBase64));
        }

        Span<byte> privateKey = stackalloc byte[RaviKeyPair.KeyLength];
        RaviKeyPair key;
        try
        {
            if (!TryDecodeKey(privateKeyBase64, privateKey))
            {
                throw new ArgumentException("The private key must be 32 bytes of standard base64.", nameof(privateKeyBase64));
            }

            key = RaviKeyPair.FromPrivateKey(privateKey);
        }
        finally
        {
            CryptographicOperations.ZeroMemory(privateKey);
        }

        if (publicKeyBase64 is not null && !key.HasPublicKey(publicKey))
        {
            key.Dispose();
            throw new RaviCryptoException(RaviCryptoErrorKind.InvalidKey, "The stored private key does not belong to the stored public key.");
        }

        _scope.Shared.Fields.Unlock(key);
    }

    /// <summary>
    /// Unlocks without a PIN from the key the official CLI stored in <c>auth.json</c> after <c>ravi login</c> and PIN entry
    /// (the file the client's credential came from: <c>$RAVI_CONFIG_DIR</c> or <c>~/.ravi</c>). No request is sent.
    /// </summary>
    /// <param name="cancellationToken">Cancels reading the file.</param>
    /// <returns><see langword="true"/> when a stored key was found and the client is now unlocked; <see langword="false"/> when the CLI stored none.</returns>
    /// <exception cref="RaviCryptoException"><see cref="RaviCryptoErrorKind.InvalidKey"/>: the stored keys are malformed or do not belong together.</exception>
    /// <exception cref="OperationCanceledException"><paramref name="cancellationToken"/> was cancelled.</exception>
    /// <exception cref="InvalidOperationException">The instance was created for mocking and this member is not overridden.</exception>
    public virtual async Task<bool> TryUnlockFromCliAsync(CancellationToken cancellationToken = default)
    {
        RaviMock.ThrowIfMock(_scope, this);
        var file = await Auth.RaviCliConfiguration.ReadAuthFileAsync(_scope.Pipeline.Credential, cancellationToken).ConfigureAwait(false);
        if (file?.PrivateKey is not { Length: > 0 } privateKey)
        {
            return false;
        }

        try
        {
            UnlockWithKeys(privateKey, string.IsNullOrEmpty(file.PublicKey) ? null : file.PublicKey);
        }
        catch (ArgumentException ex)
        {
            throw new RaviCryptoException(RaviCryptoErrorKind.InvalidKey, "The key stored in auth.json is malformed: " + ex.Message.Split(" (Parameter", 2)[0], ex);
        }

        return true;
    }

    /// <summary>Forgets and wipes the unlocked key (for the root client and all of its views). Secret writes then fail and reads flag encrypted fields.</summary>
    /// <exception cref="InvalidOperationException">The instance was created for mocking and this member is not overridden.</exception>
    public virtual void Lock()
    {
        RaviMock.ThrowIfMock(_scope, this);
        _scope.Shared.Fields.Lock();
    }

    private static bool TryDecodeKey(string text, Span<byte> key)
    {
        if (text.Length != 44)
        {
            return false;
        }

        Span<byte> buffer = stackalloc byte[33];
        try
        {
            if (!StrictBase64.TryDecode(text, buffer, out int written) || written != RaviKeyPair.KeyLength)
            {
                return false;
            }

            buffer[..RaviKeyPair.KeyLength].CopyTo(key);
            return true;
        }
        finally
        {
            CryptographicOperations.ZeroMemory(buffer);
        }
    }

    /// <summary>
    /// The key fields the CLI stores in <c>auth.json</c> (<c>pin_salt</c>, <c>public_key</c>, clamped <c>private_key</c>,
    /// standard base64), when <see cref="RaviClientOptions.StoreKeysForCli"/> asks for them; null otherwise.
    /// </summary>
    private CliKeys? CliKeysFor(RaviKeyPair key, string salt)
    {
        if (!_scope.Pipeline.Settings.StoreKeysForCli || !_scope.Pipeline.Settings.UseCliConfiguration)
        {
            return null;
        }

        Span<byte> privateKey = stackalloc byte[RaviKeyPair.KeyLength];
        try
        {
            key.CopyPrivateKeyTo(privateKey);
            return new CliKeys(salt, Convert.ToBase64String(key.PublicKey), Convert.ToBase64String(privateKey));
        }
        finally
        {
            CryptographicOperations.ZeroMemory(privateKey);
        }
    }

    /// <summary>Writes the keys for the CLI; a failure is logged, never thrown (the unlock itself succeeded).</summary>
    private async Task StoreForCliAsync(CliKeys? keys, CancellationToken cancellationToken)
    {
        if (keys is null)
        {
            return;
        }

        var logger = _scope.Pipeline.LoggerFactory.CreateLogger(Diagnostics.RaviLogCategories.Auth);
        try
        {
            var path = await Auth.RaviCliConfiguration.StoreKeysAsync(_scope.Pipeline.Credential, keys.PinSalt, keys.PublicKey, keys.PrivateKey, cancellationToken).ConfigureAwait(false);
            Auth.RaviAuthLog.KeysStored(logger, path);
        }
        catch (RaviTokenStoreException ex)
        {
            Auth.RaviAuthLog.KeysNotStored(logger, ex.Message);
        }
    }

    private Task<EncryptionMetadata> GetMetadataCoreAsync(RaviRequestOptions? requestOptions, CancellationToken cancellationToken) =>
        _scope.Pipeline.SendAsync(_scope.Request(HttpMethod.Get, Path, IdentityScope.None, requestOptions), RaviJsonContext.Default.EncryptionMetadata, cancellationToken);

    private async Task<EncryptionMetadata?> TryGetMetadataAsync(RaviRequestOptions? requestOptions, CancellationToken cancellationToken)
    {
        var request = _scope.Request(HttpMethod.Get, Path, IdentityScope.None, requestOptions);
        request.Options.Set(Diagnostics.RaviAttemptTelemetry.ExpectedStatus, (int)HttpStatusCode.NotFound); // not set up yet: an answer, not an error
        try
        {
            return await _scope.Pipeline.SendAsync(request, RaviJsonContext.Default.EncryptionMetadata, cancellationToken).ConfigureAwait(false);
        }
        catch (RaviApiException ex) when (ex.StatusCode == HttpStatusCode.NotFound)
        {
            return null;
        }
    }

    private sealed record CliKeys(string PinSalt, string PublicKey, string PrivateKey)
    {
        public override string ToString() => "CliKeys { *** }";
    }
}
