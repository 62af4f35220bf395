using System.Runtime.CompilerServices;
using System.Text;
using Ravi.Sdk.Diagnostics;
using Ravi.Sdk.Http;
using Ravi.Sdk.Internal;
using Ravi.Sdk.Models;
using Ravi.Sdk.Totp;

namespace Ravi.Sdk.Resources;

/// <summary>
/// Two-factor (TOTP, RFC 6238) codes for the services an identity enrolled in: keeps each secret end-to-end encrypted
/// in the identity's vault and computes the current code locally with the client's clock. Requires an identity, and an
/// unlocked client to enrol or compute.
/// </summary>
/// <remarks>
/// <para><b>Storage convention.</b> An enrolment named <c>NAME</c> is the vault secret with the key <c>TOTP_NAME</c>, whose
/// value is the canonical <c>otpauth://totp/ISSUER:ACCOUNT?secret=…&amp;issuer=…&amp;algorithm=…&amp;digits=…&amp;period=…</c>
/// URI (encrypted like every vault value). Names are normalized to upper case letters, digits and underscores
/// (<c>"GitHub"</c> → <c>GITHUB</c>, <c>"my bank"</c> → <c>MY_BANK</c>), so the CLI shows the same entries
/// (<c>ravi vault get TOTP_GITHUB</c>) and any vault secret named <c>TOTP_…</c> that holds such a URI or a bare base32
/// secret is an enrolment.</para>
/// <para>Codes never leave the process except as the caller's return value; nothing about them is logged.</para>
/// </remarks>
public class TotpClient
{
    /// <summary>The prefix of every TOTP vault key.</summary>
    public const string VaultKeyPrefix = "TOTP_";

    /// <summary>The longest enrolment name (after normalization).</summary>
    public const int MaxNameLength = 64;

    private const string VaultPath = "api/vault/";
    private readonly RaviClient _client = null!;

    /// <summary>Constructor for mocking frameworks: members not overridden throw <see cref="InvalidOperationException"/>.</summary>
    protected TotpClient()
    {
    }

    internal TotpClient(RaviClient client) => _client = client;

    private Uri Server => _client.Scope.Pipeline.BaseAddress;

    /// <summary>
    /// Enrols a TOTP secret: parses it, stores it in the vault under <c>TOTP_NAME</c> (replacing an enrolment of the same
    /// name), and returns the enrolment. Compute the first code with <see cref="GetCodeAsync"/> to confirm the enrolment
    /// with the service.
    /// </summary>
    /// <param name="otpauthUriOrSecret">An <c>otpauth://totp/…</c> URI or a base32 secret.</param>
    /// <param name="options">The name and, for a bare secret, issuer, account and parameters; null for the defaults.</param>
    /// <param name="requestOptions">Headers, timeouts and a response callback for each vault request; null for the client's settings.</param>
    /// <param name="cancellationToken">Cancels the call.</param>
    /// <returns>The enrolment (without the secret).</returns>
    /// <exception cref="ArgumentException">The secret or URI is invalid, or no name can be derived (give <see cref="TotpEnrollOptions.Name"/>); nothing was sent.</exception>
    /// <exception cref="RaviIdentityRequiredException">The client has no identity.</exception>
    /// <exception cref="RaviCryptoException"><see cref="RaviCryptoErrorKind.Locked"/>: the client is not unlocked; nothing was sent.</exception>
    /// <exception cref="RaviApiException">The vault write failed.</exception>
    /// <include file="../Docs/CallExceptions.xml" path="doc/call/*" />
    public virtual async Task<TotpEnrollment> EnrollAsync(string otpauthUriOrSecret, TotpEnrollOptions? options = null, RaviRequestOptions? requestOptions = null, CancellationToken cancellationToken = default)
    {
        RaviMock.ThrowIfMock(_client, this);
        var secret = TotpSecret.Parse(otpauthUriOrSecret, options);
        var rawName = options?.Name ?? secret.Issuer ?? secret.AccountName
            ?? throw new ArgumentException("The secret names no issuer or account: give the enrolment a name (TotpEnrollOptions.Name).", nameof(options));
        var name = NormalizeName(rawName, nameof(options));
        RequireIdentity();
        var stored = await RaviOperation.RunAsync("Totp.Enroll", Server, token => _client.Vault.SetAsync(
            new VaultSecretRequest { Key = VaultKeyPrefix + name, Value = secret.ToUri(), Notes = "TOTP secret (otpauth URI) enrolled with Ravi.Sdk" },
            requestOptions, token), cancellationToken).ConfigureAwait(false);
        return ToEnrollment(stored.Key, secret);
    }

    /// <summary>Computes the current code of an enrolment with the client's clock.</summary>
    /// <param name="name">The enrolment's name, in any case (e.g. <c>github</c>), or its vault key (<c>TOTP_GITHUB</c>).</param>
    /// <param name="requestOptions">Headers, timeouts and a response callback for each vault request; null for the client's settings.</param>
    /// <param name="cancellationToken">Cancels the call.</param>
    /// <returns>The code and how long it stays valid.</returns>
    /// <exception cref="ArgumentException"><paramref name="name"/> is empty or invalid; nothing was sent.</exception>
    /// <exception cref="RaviIdentityRequiredException">The client has no identity.</exception>
    /// <exception cref="RaviNotFoundException">The identity has no enrolment of that name.</exception>
    /// <exception cref="RaviCryptoException"><see cref="RaviCryptoErrorKind.Locked"/>: the client is locked; or the stored value could not be decrypted.</exception>
    /// <exception cref="RaviApiException">The vault read failed.</exception>
    /// <include file="../Docs/CallExceptions.xml" path="doc/call/*" />
    public virtual async Task<TotpCode> GetCodeAsync(string name, RaviRequestOptions? requestOptions = null, CancellationToken cancellationToken = default)
    {
        RaviMock.ThrowIfMock(_client, this);
        var secret = await RaviOperation.RunAsync("Totp.GetCode", Server, token => GetSecretCoreAsync(name, requestOptions, token), cancellationToken).ConfigureAwait(false);
        return secret.ComputeCode(_client.Scope.Pipeline.TimeProvider.GetUtcNow());
    }

    /// <summary>Reads an enrolment's stored secret (to compute codes for other instants, or to export it).</summary>
    /// <param name="name">The enrolment's name or vault key.</param>
    /// <param name="requestOptions">Headers, timeouts and a response callback for each vault request; null for the client's settings.</param>
    /// <param name="cancellationToken">Cancels the call.</param>
    /// <returns>The secret, with its issuer, account and parameters.</returns>
    /// <exception cref="ArgumentException"><paramref name="name"/> is empty or invalid; nothing was sent.</exception>
    /// <exception cref="RaviIdentityRequiredException">The client has no identity.</exception>
    /// <exception cref="RaviNotFoundException">The identity has no enrolment of that name.</exception>
    /// <exception cref="RaviCryptoException">The client is locked, or the stored value could not be decrypted.</exception>
    /// <exception cref="RaviApiException">The vault read failed.</exception>
    /// <include file="../Docs/CallExceptions.xml" path="doc/call/*" />
    public virtual Task<TotpSecret> GetSecretAsync(string name, RaviRequestOptions? requestOptions = null, CancellationToken cancellationToken = default)
    {
        RaviMock.ThrowIfMock(_client, this);
        return RaviOperation.RunAsync("Totp.GetSecret", Server, token => GetSecretCoreAsync(name, requestOptions, token), cancellationToken);
    }

    /// <summary>Lists the identity's enrolments (reads each <c>TOTP_…</c> vault secret; values that are not TOTP secrets are skipped).</summary>
    /// <remarks>
    /// A page of enrolments is made from a page of the vault list (its continuation token and response are the vault
    /// page's), after reading each <c>TOTP_…</c> secret of that page.
    /// </remarks>
    /// <param name="requestOptions">Headers, timeouts and a response callback for each vault request; null for the client's settings.</param>
    /// <param name="cancellationToken">Cancels the enumeration.</param>
    /// <returns>The enrolments, without secrets; enumerate them, or use <see cref="RaviAsyncPageable{T}.AsPages"/> for pages.</returns>
    /// <exception cref="RaviIdentityRequiredException">The client has no identity (thrown by this call, before enumerating).</exception>
    /// <exception cref="RaviCryptoException">While enumerating: the client is locked (the parameters are inside the encrypted value).</exception>
    /// <include file="../Docs/CallExceptions.xml" path="doc/list/*" />
    /// <include file="../Docs/CallExceptions.xml" path="doc/arguments/*" />
    public virtual RaviAsyncPageable<TotpEnrollment> ListAsync(RaviRequestOptions? requestOptions = null, CancellationToken cancellationToken = default)
    {
        RaviMock.ThrowIfMock(_client, this);
        RequireIdentity();
        return new TotpListing(this, _client.Vault.ListAsync(requestOptions, cancellationToken), requestOptions, cancellationToken);
    }

    /// <summary>Deletes an enrolment (its vault secret).</summary>
    /// <param name="name">The enrolment's name or vault key.</param>
    /// <param name="requestOptions">Headers, timeouts and a response callback for each vault request; null for the client's settings.</param>
    /// <param name="cancellationToken">Cancels the call.</param>
    /// <returns>True when it existed and was deleted; false when there was none.</returns>
    /// <exception cref="ArgumentException"><paramref name="name"/> is empty or invalid; nothing was sent.</exception>
    /// <exception cref="RaviIdentityRequiredException">The client has no identity.</exception>
    /// <exception cref="RaviApiException">The vault call failed.</exception>
    /// <include file="../Docs/CallExceptions.xml" path="doc/call/*" />
    public virtual async Task<bool> DeleteAsync(string name, RaviRequestOptions? requestOptions = null, CancellationToken cancellationToken = default)
    {
        RaviMock.ThrowIfMock(_client, this);
        var key = VaultKey(name);
        RequireIdentity();
        return await RaviOperation.RunAsync("Totp.Delete", Server, token => DeleteCoreAsync(key, requestOptions, token), cancellationToken).ConfigureAwait(false);
    }

    private async Task<bool> DeleteCoreAsync(string key, RaviRequestOptions? requestOptions, CancellationToken cancellationToken)
    {
        await foreach (var item in _client.Vault.ListAsync(requestOptions, cancellationToken).ConfigureAwait(false))
        {
            if (string.Equals(item.Key, key, StringComparison.Ordinal))
            {
                await _client.Vault.DeleteAsync(item.Uuid, requestOptions, cancellationToken).ConfigureAwait(false);
                return true;
            }
        }

        return false;
    }

    private async Task<TotpSecret> GetSecretCoreAsync(string name, RaviRequestOptions? requestOptions, CancellationToken cancellationToken)
    {
        var key = VaultKey(name);
        RequireIdentity();
        var stored = await _client.Vault.GetByKeyAsync(key, requestOptions, cancellationToken).ConfigureAwait(false)
            ?? throw new RaviNotFoundException(
                $"This identity has no TOTP enrolment named '{key[VaultKeyPrefix.Length..]}' (vault key {key}). List them with ListAsync, or enrol the secret first.",
                new RaviErrorDetails { StatusCode = System.Net.HttpStatusCode.NotFound });
        return Decode(stored) ?? throw new RaviCryptoException(
            RaviCryptoErrorKind.InvalidCiphertext,
            $"The vault secret {key} does not hold an otpauth://totp/ URI or a base32 secret.");
    }

    /// <summary>
    /// Normalizes an enrolment name: upper case ASCII letters and digits, other characters become one <c>_</c>, leading
    /// and trailing underscores dropped; a <c>TOTP_</c> prefix is accepted and removed.
    /// </summary>
    /// <param name="name">The name, e.g. <c>"GitHub"</c> or <c>"TOTP_GITHUB"</c>.</param>
    /// <returns>The normalized name, e.g. <c>GITHUB</c>.</returns>
    /// <exception cref="ArgumentException">The name is empty, has no letter or digit, or is longer than <see cref="MaxNameLength"/>.</exception>
    public static string NormalizeName(string name) => NormalizeName(name, nameof(name));

    private static string NormalizeName(string name, string paramName)
    {
        ArgumentException.ThrowIfNullOrWhiteSpace(name, paramName);
        var sb = new StringBuilder(Math.Min(name.Length, MaxNameLength + VaultKeyPrefix.Length + 1));
        foreach (var c in name.Trim())
        {
            if (char.IsAsciiLetterOrDigit(c))
            {
                sb.Append(char.ToUpperInvariant(c));
            }
            else if (sb.Length > 0 && sb[^1] != '_')
            {
                sb.Append('_');
            }

            if (sb.Length > MaxNameLength + VaultKeyPrefix.Length)
            {
                break;
            }
        }

        var normalized = sb.ToString().Trim('_');
        if (normalized.StartsWith(VaultKeyPrefix, StringComparison.Ordinal) && normalized.Length > VaultKeyPrefix.Length)
        {
            normalized = normalized[VaultKeyPrefix.Length..];
        }

        if (normalized.Length == 0)
        {
            throw new ArgumentException("The TOTP name must contain a letter or a digit, e.g. 'github'.", paramName);
        }

        if (normalized.Length > MaxNameLength)
        {
            throw new ArgumentException($"The TOTP name is too long: at most {MaxNameLength} letters, digits and underscores.", paramName);
        }

        return normalized;
    }

    private static string VaultKey(string name) => VaultKeyPrefix + NormalizeName(name, nameof(name));

    private static TotpSecret? Decode(VaultSecret stored)
    {
        if (stored.EncryptedFields.HasFlag(EncryptedFields.Value) || stored.Value is null)
        {
            throw new RaviCryptoException(
                RaviCryptoErrorKind.Locked,
                $"Cannot read the TOTP secret {stored.Key}: the vault is locked. Call Encryption.UnlockAsync (or UnlockWithPrivateKey) first.");
        }

        try
        {
            return TotpSecret.Parse(stored.Value);
        }
        catch (ArgumentException)
        {
            return null;
        }
    }

    private static TotpEnrollment ToEnrollment(string key, TotpSecret secret) => new()
    {
        Name = key[VaultKeyPrefix.Length..],
        VaultKey = key,
        Issuer = secret.Issuer,
        AccountName = secret.AccountName,
        Algorithm = secret.Algorithm,
        Digits = secret.Digits,
        Period = secret.Period,
    };

    private void RequireIdentity() => _client.Scope.RequireIdentity(HttpMethod.Get, VaultPath, IdentityScope.Required);

    /// <summary>The enrolments of one vault page: its <c>TOTP_…</c> entries, each read (and decrypted) in full.</summary>
    private async Task<List<TotpEnrollment>> ReadPageAsync(RaviPage<VaultSecret> page, RaviRequestOptions? requestOptions, CancellationToken cancellationToken)
    {
        var enrollments = new List<TotpEnrollment>();
        foreach (var item in page.Values)
        {
            if (!item.Key.StartsWith(VaultKeyPrefix, StringComparison.Ordinal) || item.Key.Length == VaultKeyPrefix.Length)
            {
                continue;
            }

            var stored = await _client.Vault.GetAsync(item.Uuid, requestOptions, cancellationToken).ConfigureAwait(false);
            if (Decode(stored) is { } secret)
            {
                enrollments.Add(ToEnrollment(stored.Key, secret));
            }
        }

        return enrollments;
    }

    /// <summary>The enrolments as a list whose pages follow the vault list's pages.</summary>
    private sealed class TotpListing(TotpClient owner, RaviAsyncPageable<VaultSecret> vault, RaviRequestOptions? requestOptions, CancellationToken listToken)
        : RaviAsyncPageable<TotpEnrollment>
    {
        public override IAsyncEnumerable<RaviPage<TotpEnrollment>> AsPages(string? continuationToken = null, int? pageSizeHint = null) =>
            ReadAsync(vault.AsPages(continuationToken, pageSizeHint));

        private async IAsyncEnumerable<RaviPage<TotpEnrollment>> ReadAsync(IAsyncEnumerable<RaviPage<VaultSecret>> pages, [EnumeratorCancellation] CancellationToken cancellationToken = default)
        {
            using var linked = cancellationToken.CanBeCanceled && listToken.CanBeCanceled ? CancellationTokenSource.CreateLinkedTokenSource(cancellationToken, listToken) : null;
            var token = linked?.Token ?? (cancellationToken.CanBeCanceled ? cancellationToken : listToken);

            // One span for the whole enumeration: the vault pages and the secret reads run under it (made current again
            // after each yield, since the iterator resumes on its consumer's context), so they add no spans of their own.
            using var operation = RaviOperation.Start("Totp.List", owner.Server);
            var enumerator = pages.WithCancellation(token).ConfigureAwait(false).GetAsyncEnumerator();
            try
            {
                while (true)
                {
                    operation.Resume();
                    RaviPage<TotpEnrollment> result;
                    try
                    {
                        if (!await enumerator.MoveNextAsync())
                        {
                            break;
                        }

                        var page = enumerator.Current;
                        var values = await owner.ReadPageAsync(page, requestOptions, token).ConfigureAwait(false);
                        result = new RaviPage<TotpEnrollment>(values, page.ContinuationToken, page.RawResponse);
                    }
                    catch (Exception ex)
                    {
                        operation.Fail(ex, token);
                        throw;
                    }

                    yield return result;
                }
            }
            finally
            {
                await enumerator.DisposeAsync();
            }
        }
    }
}
