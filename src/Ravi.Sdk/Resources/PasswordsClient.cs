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
    private readonly RaviScope _scope = null!;

    /// <summary>Constructor for mocking frameworks.</summary>
    protected PasswordsClient()
    {
    }

    internal PasswordsClient(RaviScope scope) => _scope = scope;

    /// <summary>Lists password entries (<c>GET /api/passwords/</c>).</summary>
    /// <param name="cancellationToken">Cancels the enumeration.</param>
    /// <returns>The entries, decrypted when the client is unlocked.</returns>
    /// <exception cref="RaviIdentityRequiredException">The client has no identity.</exception>
    public virtual IAsyncEnumerable<PasswordEntry> ListAsync(CancellationToken cancellationToken = default)
    {
        _scope.RequireIdentity(HttpMethod.Get, Path, IdentityScope.Required);
        return ListCoreAsync(cancellationToken);
    }

    /// <summary>Creates a password entry (<c>POST /api/passwords/</c>); secret fields are encrypted first.</summary>
    /// <param name="entry">The entry.</param>
    /// <param name="cancellationToken">Cancels the call.</param>
    /// <returns>The stored entry.</returns>
    public virtual async Task<PasswordEntry> CreateAsync(PasswordEntryRequest entry, CancellationToken cancellationToken = default)
    {
        var body = ToWire(entry, HttpMethod.Post, Path);
        var request = _scope.Request(HttpMethod.Post, Path, IdentityScope.Required);
        RaviPipeline.SetJsonBody(request, body, RaviJsonContext.Default.PasswordWriteBody);
        return ToModel(await _scope.Pipeline.SendAsync(request, RaviJsonContext.Default.PasswordEntryWire, cancellationToken).ConfigureAwait(false));
    }

    /// <summary>Gets one entry (<c>GET /api/passwords/{uuid}/</c>).</summary>
    /// <param name="entryUuid">The entry's UUID.</param>
    /// <param name="cancellationToken">Cancels the call.</param>
    /// <returns>The entry, decrypted when the client is unlocked.</returns>
    public virtual async Task<PasswordEntry> GetAsync(string entryUuid, CancellationToken cancellationToken = default)
    {
        Guard.Uuid(entryUuid);
        var request = _scope.Request(HttpMethod.Get, $"{Path}{entryUuid}/", IdentityScope.Required);
        return ToModel(await _scope.Pipeline.SendAsync(request, RaviJsonContext.Default.PasswordEntryWire, cancellationToken).ConfigureAwait(false));
    }

    /// <summary>Replaces an entry (<c>PUT /api/passwords/{uuid}/</c>); secret fields are encrypted first.</summary>
    /// <param name="entryUuid">The entry's UUID.</param>
    /// <param name="entry">The new fields.</param>
    /// <param name="cancellationToken">Cancels the call.</param>
    /// <returns>The updated entry.</returns>
    public virtual async Task<PasswordEntry> UpdateAsync(string entryUuid, PasswordEntryRequest entry, CancellationToken cancellationToken = default)
    {
        Guard.Uuid(entryUuid);
        var body = ToWire(entry, HttpMethod.Put, $"{Path}{entryUuid}/");
        var request = _scope.Request(HttpMethod.Put, $"{Path}{entryUuid}/", IdentityScope.Required);
        RaviPipeline.SetJsonBody(request, body, RaviJsonContext.Default.PasswordWriteBody);
        return ToModel(await _scope.Pipeline.SendAsync(request, RaviJsonContext.Default.PasswordEntryWire, cancellationToken).ConfigureAwait(false));
    }

    /// <summary>Deletes an entry (<c>DELETE /api/passwords/{uuid}/</c>).</summary>
    /// <param name="entryUuid">The entry's UUID.</param>
    /// <param name="cancellationToken">Cancels the call.</param>
    /// <returns>A task that completes when the entry is deleted.</returns>
    public virtual Task DeleteAsync(string entryUuid, CancellationToken cancellationToken = default)
    {
        Guard.Uuid(entryUuid);
        return _scope.Pipeline.SendAsync(_scope.Request(HttpMethod.Delete, $"{Path}{entryUuid}/", IdentityScope.Required), cancellationToken);
    }

    /// <summary>Generates a random password on the server (<c>GET /api/passwords/generate_password/</c>). Plaintext; nothing is stored.</summary>
    /// <param name="options">Length and character classes; null for the server's defaults.</param>
    /// <param name="cancellationToken">Cancels the call.</param>
    /// <returns>The generated password.</returns>
    public virtual async Task<string> GeneratePasswordAsync(GeneratePasswordOptions? options = null, CancellationToken cancellationToken = default)
    {
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
        var request = _scope.Request(HttpMethod.Get, Path + "generate_password/" + query, IdentityScope.Required);
        var result = await _scope.Pipeline.SendAsync(request, RaviJsonContext.Default.GeneratedPasswordWire, cancellationToken).ConfigureAwait(false);
        return result.Password;
    }

    private async IAsyncEnumerable<PasswordEntry> ListCoreAsync([System.Runtime.CompilerServices.EnumeratorCancellation] CancellationToken cancellationToken)
    {
        await foreach (var wire in _scope.Pipeline.ListAsync(Path, IdentityScope.Required, _scope.IdentityUuid, RaviJsonContext.Default.PasswordEntryWire, cancellationToken).ConfigureAwait(false))
        {
            yield return ToModel(wire);
        }
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
        var encrypted = RaviEncryptedFields.None;
        var username = fields.Unprotect(wire.Username, RaviEncryptedFields.Username, ref encrypted);
        var password = fields.Unprotect(wire.Password, RaviEncryptedFields.Password, ref encrypted);
        var notes = fields.Unprotect(wire.Notes, RaviEncryptedFields.Notes, ref encrypted);
        return new PasswordEntry
        {
            Uuid = wire.Uuid,
            Identity = wire.Identity,
            Domain = wire.Domain,
            Username = username,
            Password = password,
            Notes = notes,
            EncryptedFields = encrypted,
            CreatedDt = wire.CreatedDt,
            UpdatedDt = wire.UpdatedDt,
        };
    }
}
