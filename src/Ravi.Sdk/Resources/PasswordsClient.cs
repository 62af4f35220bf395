using System.Net;
using System.Runtime.ExceptionServices;
using Ravi.Sdk.Http;
using Ravi.Sdk.Internal;
using Ravi.Sdk.Models;
using Ravi.Sdk.Serialization;
using Ravi.Sdk.Serialization.Wire;

namespace Ravi.Sdk.Resources;

/// <summary>Website credentials: <c>/api/passwords/</c>. Requires an identity.</summary>
public class PasswordsClient
{
    private const string Path = "api/passwords/";
    private const string DocumentedGeneratePath = Path + "generate_password/";
    private const string CliGeneratePath = Path + "generate-password/";
    private readonly RaviScope _scope = null!;

    /// <summary>Constructor for mocking frameworks: members not overridden throw <see cref="InvalidOperationException"/>.</summary>
    protected PasswordsClient()
    {
    }

    internal PasswordsClient(RaviScope scope) => _scope = scope;

    /// <summary>Lists password entries (<c>GET /api/passwords/</c>).</summary>
    /// <param name="requestOptions">Headers, timeouts and a response callback for each page request; null for the client's settings.</param>
    /// <param name="cancellationToken">Cancels the enumeration.</param>
    /// <returns>The entries, decrypted when the client is unlocked; enumerate them, or use <see cref="RaviAsyncPageable{T}.AsPages"/> for pages.</returns>
    /// <exception cref="RaviIdentityRequiredException">The client has no identity (thrown by this call, before enumerating).</exception>
    /// <exception cref="RaviCryptoException">While enumerating: a secret field cannot be decrypted with the unlocked key.</exception>
    /// <include file="../Docs/CallExceptions.xml" path="doc/list/*" />
    /// <include file="../Docs/CallExceptions.xml" path="doc/arguments/*" />
    public virtual RaviAsyncPageable<PasswordEntry> ListAsync(RaviRequestOptions? requestOptions = null, CancellationToken cancellationToken = default)
    {
        RaviMock.ThrowIfMock(_scope, this);
        _scope.RequireIdentity(HttpMethod.Get, Path, IdentityScope.Required);
        return _scope.Pipeline.List(Path, IdentityScope.Required, _scope.IdentityUuid, RaviJsonContext.Default.PasswordEntryWire, ToModel, _scope.OptionsFor(requestOptions), cancellationToken);
    }

    /// <summary>Creates a password entry (<c>POST /api/passwords/</c>); secret fields are encrypted first.</summary>
    /// <param name="entry">The entry.</param>
    /// <param name="requestOptions">Headers, timeouts and a response callback for this call; null for the client's settings.</param>
    /// <param name="cancellationToken">Cancels the call.</param>
    /// <returns>The stored entry.</returns>
    /// <exception cref="RaviIdentityRequiredException">The client has no identity.</exception>
    /// <exception cref="RaviCryptoException">A secret field is set but the client is locked; nothing is sent.</exception>
    /// <include file="../Docs/CallExceptions.xml" path="doc/call/*" />
    /// <include file="../Docs/CallExceptions.xml" path="doc/arguments/*" />
    public virtual async Task<PasswordEntry> CreateAsync(PasswordEntryRequest entry, RaviRequestOptions? requestOptions = null, CancellationToken cancellationToken = default)
    {
        RaviMock.ThrowIfMock(_scope, this);
        var body = ToWire(entry, HttpMethod.Post, Path);
        return await SendEntryAsync(HttpMethod.Post, Path, body, requestOptions, cancellationToken).ConfigureAwait(false);
    }

    /// <summary>Gets one entry (<c>GET /api/passwords/{uuid}/</c>).</summary>
    /// <param name="entryUuid">The entry's UUID.</param>
    /// <param name="requestOptions">Headers, timeouts and a response callback for this call; null for the client's settings.</param>
    /// <param name="cancellationToken">Cancels the call.</param>
    /// <returns>The entry, decrypted when the client is unlocked.</returns>
    /// <exception cref="RaviIdentityRequiredException">The client has no identity.</exception>
    /// <exception cref="RaviCryptoException">A secret field cannot be decrypted with the unlocked key.</exception>
    /// <include file="../Docs/CallExceptions.xml" path="doc/call/*" />
    /// <include file="../Docs/CallExceptions.xml" path="doc/arguments/*" />
    public virtual Task<PasswordEntry> GetAsync(string entryUuid, RaviRequestOptions? requestOptions = null, CancellationToken cancellationToken = default)
    {
        RaviMock.ThrowIfMock(_scope, this);
        Guard.Uuid(entryUuid);
        return SendEntryAsync(HttpMethod.Get, $"{Path}{entryUuid}/", null, requestOptions, cancellationToken);
    }

    /// <summary>
    /// Updates an entry (<c>PUT /api/passwords/{uuid}/</c>); secret fields are encrypted first. Fields left
    /// <see langword="null"/> are not sent. A server that answers 405 to <c>PUT</c> (the service the official CLI targets
    /// only has <c>PATCH</c>) gets the same fields as a <c>PATCH</c>, and every later update of this client and its
    /// identity views goes straight to <c>PATCH</c>.
    /// </summary>
    /// <param name="entryUuid">The entry's UUID.</param>
    /// <param name="entry">The new fields.</param>
    /// <param name="requestOptions">Headers, timeouts and a response callback for each request (the PUT, and the PATCH when it falls back); null for the client's settings.</param>
    /// <param name="cancellationToken">Cancels the call.</param>
    /// <returns>The updated entry.</returns>
    /// <exception cref="RaviNotFoundException">No entry has this UUID.</exception>
    /// <exception cref="RaviIdentityRequiredException">The client has no identity.</exception>
    /// <exception cref="RaviCryptoException">A secret field is set but the client is locked.</exception>
    /// <include file="../Docs/CallExceptions.xml" path="doc/call/*" />
    /// <include file="../Docs/CallExceptions.xml" path="doc/arguments/*" />
    public virtual async Task<PasswordEntry> UpdateAsync(string entryUuid, PasswordEntryRequest entry, RaviRequestOptions? requestOptions = null, CancellationToken cancellationToken = default)
    {
        RaviMock.ThrowIfMock(_scope, this);
        Guard.Uuid(entryUuid);
        var path = $"{Path}{entryUuid}/";
        var body = ToWire(entry, HttpMethod.Put, path);
        var dialect = _scope.Shared.Dialect;
        if (!dialect.PatchesPasswordUpdates)
        {
            try
            {
                return await SendEntryAsync(HttpMethod.Put, path, body, requestOptions, cancellationToken).ConfigureAwait(false);
            }
            catch (RaviApiException ex) when (ex.StatusCode == HttpStatusCode.MethodNotAllowed)
            {
                // Nothing was changed: the server refused the method. Send the same (already encrypted) fields as PATCH.
            }

            var patched = await SendEntryAsync(HttpMethod.Patch, path, body, requestOptions, cancellationToken).ConfigureAwait(false);
            dialect.RememberPasswordPatch(); // only once PATCH has worked
            return patched;
        }

        return await SendEntryAsync(HttpMethod.Patch, path, body, requestOptions, cancellationToken).ConfigureAwait(false);
    }

    /// <summary>Deletes an entry (<c>DELETE /api/passwords/{uuid}/</c>).</summary>
    /// <param name="entryUuid">The entry's UUID.</param>
    /// <param name="requestOptions">Headers, timeouts and a response callback for this call; null for the client's settings.</param>
    /// <param name="cancellationToken">Cancels the call.</param>
    /// <returns>A task that completes when the entry is deleted.</returns>
    /// <exception cref="RaviIdentityRequiredException">The client has no identity.</exception>
    /// <include file="../Docs/CallExceptions.xml" path="doc/call/*" />
    /// <include file="../Docs/CallExceptions.xml" path="doc/arguments/*" />
    public virtual Task DeleteAsync(string entryUuid, RaviRequestOptions? requestOptions = null, CancellationToken cancellationToken = default)
    {
        RaviMock.ThrowIfMock(_scope, this);
        Guard.Uuid(entryUuid);
        return _scope.Pipeline.SendAsync(_scope.Request(HttpMethod.Delete, $"{Path}{entryUuid}/", IdentityScope.Required, requestOptions), cancellationToken);
    }

    /// <summary>
    /// Generates a random password on the server (<c>GET /api/passwords/generate_password/</c>). Plaintext; nothing is
    /// stored. When the documented path answers 404, the official CLI's <c>generate-password/</c> is tried, and when that
    /// works it is used for the rest of this client's lifetime (shared by its identity views).
    /// </summary>
    /// <param name="options">Length and character classes; null for the server's defaults.</param>
    /// <param name="requestOptions">Headers, timeouts and a response callback for each request; null for the client's settings.</param>
    /// <param name="cancellationToken">Cancels the call.</param>
    /// <returns>The generated password.</returns>
    /// <exception cref="ArgumentException">A length outside 1..1024, every character class disabled, or invalid <paramref name="requestOptions"/> (nothing is sent).</exception>
    /// <exception cref="RaviNotFoundException">Neither path exists on the server (the documented path's error).</exception>
    /// <exception cref="RaviIdentityRequiredException">The client has no identity.</exception>
    /// <include file="../Docs/CallExceptions.xml" path="doc/call/*" />
    public virtual async Task<string> GeneratePasswordAsync(GeneratePasswordOptions? options = null, RaviRequestOptions? requestOptions = null, CancellationToken cancellationToken = default)
    {
        RaviMock.ThrowIfMock(_scope, this);
        if (options?.Length is { } length)
        {
            ArgumentOutOfRangeException.ThrowIfNegativeOrZero(length, "options.Length");
            ArgumentOutOfRangeException.ThrowIfGreaterThan(length, 1024, "options.Length");
        }

        if (options is { Uppercase: false, Lowercase: false, Digits: false, Special: false })
        {
            throw new ArgumentException("At least one character class must be enabled.", nameof(options));
        }

        var query = new QueryString()
            .Add("length", options?.Length)
            .Add("uppercase", options?.Uppercase)
            .Add("lowercase", options?.Lowercase)
            .Add("digits", options?.Digits)
            .Add("special", options?.Special)
            .Add("exclude_chars", options?.ExcludeChars);
        var dialect = _scope.Shared.Dialect;
        if (dialect.UsesCliGeneratePasswordPath)
        {
            return await GenerateAtAsync(CliGeneratePath + query, requestOptions, cancellationToken).ConfigureAwait(false);
        }

        try
        {
            return await GenerateAtAsync(DocumentedGeneratePath + query, requestOptions, cancellationToken).ConfigureAwait(false);
        }
        catch (RaviNotFoundException documented)
        {
            string password;
            try
            {
                password = await GenerateAtAsync(CliGeneratePath + query, requestOptions, cancellationToken).ConfigureAwait(false);
            }
            catch (RaviNotFoundException)
            {
                // Neither path exists (or the identity does not): report the documented one, remember nothing.
                ExceptionDispatchInfo.Capture(documented).Throw();
                throw;
            }

            dialect.RememberCliGeneratePasswordPath();
            return password;
        }
    }

    private async Task<string> GenerateAtAsync(string relativePathAndQuery, RaviRequestOptions? requestOptions, CancellationToken cancellationToken)
    {
        var request = _scope.Request(HttpMethod.Get, relativePathAndQuery, IdentityScope.Required, requestOptions);
        var result = await _scope.Pipeline.SendAsync(request, RaviJsonContext.Default.GeneratedPasswordWire, cancellationToken).ConfigureAwait(false);
        return result.Password ?? throw new RaviApiException("The server's generated-password response has no password.", new RaviErrorDetails { StatusCode = System.Net.HttpStatusCode.OK });
    }

    private async Task<PasswordEntry> SendEntryAsync(HttpMethod method, string path, PasswordWriteBody? body, RaviRequestOptions? requestOptions, CancellationToken cancellationToken)
    {
        var request = _scope.Request(method, path, IdentityScope.Required, requestOptions);
        if (body is not null)
        {
            RaviRequestFactory.SetJsonBody(request, body, RaviJsonContext.Default.PasswordWriteBody);
        }

        return ToModel(await _scope.Pipeline.SendAsync(request, RaviJsonContext.Default.PasswordEntryWire, cancellationToken).ConfigureAwait(false));
    }

    private PasswordWriteBody ToWire(PasswordEntryRequest entry, HttpMethod method, string path)
    {
        ArgumentNullException.ThrowIfNull(entry);
        Guard.NotEmpty(entry.Domain, nameof(entry) + "." + nameof(entry.Domain));
        _scope.RequireIdentity(method, path, IdentityScope.Required);
        var fields = _scope.Shared.Fields;
        return new PasswordWriteBody
        {
            Domain = entry.Domain,
            Username = fields.Protect(entry.Username, "username"),
            Password = fields.Protect(entry.Password, "password"),
            Notes = fields.Protect(entry.Notes, "notes"),
        };
    }

    private PasswordEntry ToModel(PasswordEntryWire wire)
    {
        var fields = _scope.Shared.Fields;
        var encrypted = EncryptedFields.None;
        var username = fields.Unprotect(wire.Username, EncryptedFields.Username, ref encrypted);
        var password = fields.Unprotect(wire.Password, EncryptedFields.Password, ref encrypted);
        var notes = fields.Unprotect(wire.Notes, EncryptedFields.Notes, ref encrypted);
        return new PasswordEntry
        {
            Uuid = wire.Uuid,
            IdentityUuid = wire.Identity,
            Domain = wire.Domain,
            Username = username,
            Password = password,
            Notes = notes,
            EncryptedFields = encrypted,
            CreatedAt = wire.CreatedAt,
            UpdatedAt = wire.UpdatedAt,
        };
    }
}
