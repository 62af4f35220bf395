using Ravi.Sdk.Agents.Internal;
using Ravi.Sdk.Agents.Results;
using Ravi.Sdk.Models;

namespace Ravi.Sdk.Agents.Tools;

/// <summary>list_passwords, get_password, save_password, generate_password, delete_password.</summary>
internal static class PasswordTools
{
    private const string Domain = "domain";
    private const string Username = "username";

    public static IEnumerable<ToolDefinition> All()
    {
        ToolParameter DomainParameter(string description) => ToolParameter.String(Domain, description, required: true, maxLength: 253 + 64);
        ToolParameter UsernameParameter(string description) => ToolParameter.String(Username, description, maxLength: 1000);

        yield return new ToolDefinition
        {
            Name = "list_passwords",
            Result = typeof(PasswordListResult),
            Title = "List saved passwords",
            Description = "Lists the website credentials saved for the identity: domain and username of each, without passwords. Read one with get_password.",
            Kind = ToolKind.Read,
            Invoke = ListAsync,
        };
        yield return new ToolDefinition
        {
            Name = "get_password",
            Result = typeof(PasswordResult),
            Title = "Get a saved password",
            Description = "Returns the credentials (username, password, notes) saved for a website domain, decrypted locally. Use them only to sign in where the user asked; do not repeat the password in replies.",
            Kind = ToolKind.Read,
            Parameters =
            [
                DomainParameter("The website's domain, e.g. 'example.com' (a URL works too)."),
                UsernameParameter("Only the entry with this username, when the domain has several. Optional."),
            ],
            Invoke = GetAsync,
        };
        yield return new ToolDefinition
        {
            Name = "save_password",
            Result = typeof(SavedPasswordResult),
            Title = "Save a password",
            Description = "Saves website credentials for the identity, encrypted locally: creates an entry, or replaces the password of the entry with the same domain and username. Omit 'password' to have a strong one generated; it is then returned so you can type it into the sign-up form.",
            Kind = ToolKind.Write,
            Destructive = true,
            Parameters =
            [
                DomainParameter("The website's domain, e.g. 'example.com' (a URL works too)."),
                UsernameParameter("The username or email address used on the website. Optional."),
                ToolParameter.String("password", "The password. Optional: omit it to generate one.", maxLength: 1024),
                ToolParameter.String("notes", "Notes kept (encrypted) with the entry. Optional.", maxLength: 10_000),
            ],
            Invoke = SaveAsync,
        };
        yield return new ToolDefinition
        {
            Name = "generate_password",
            Result = typeof(GeneratedPasswordResult),
            Title = "Generate a password",
            Description = "Generates a random password (nothing is stored; use save_password to keep it). By default it mixes upper- and lowercase letters, digits and special characters.",
            Kind = ToolKind.Read,
            Parameters =
            [
                ToolParameter.Integer("length", "The length (8-128). Default 20.", 8, 128),
                ToolParameter.Boolean("special", "Include special characters. Default true; set false for sites that refuse them."),
                ToolParameter.Boolean("digits", "Include digits. Default true."),
                ToolParameter.String("exclude_chars", "Characters never to use, e.g. '\"\\'`'. Optional.", maxLength: 100),
            ],
            Invoke = GenerateAsync,
        };
        yield return new ToolDefinition
        {
            Name = "delete_password",
            Result = typeof(StatusResult),
            Title = "Delete a saved password",
            Description = "Deletes the credentials saved for a domain (and username, when the domain has several). This cannot be undone.",
            Kind = ToolKind.Write,
            Destructive = true,
            Idempotent = true,
            Parameters =
            [
                DomainParameter("The website's domain."),
                UsernameParameter("The username of the entry to delete, when the domain has several. Optional."),
            ],
            Invoke = DeleteAsync,
        };
    }

    /// <summary>Compares domains as a person would: case-insensitive, without scheme, path, "www." or a trailing dot.</summary>
    internal static string NormalizeDomain(string value)
    {
        var text = value.Trim();
        if (text.Contains("://", StringComparison.Ordinal) && Uri.TryCreate(text, UriKind.Absolute, out var uri))
        {
            text = uri.Host;
        }

        text = text.TrimEnd('.', '/').ToLowerInvariant();
        return text.StartsWith("www.", StringComparison.Ordinal) ? text[4..] : text;
    }

    private static async Task<List<PasswordEntry>> MatchesAsync(ToolCall call, CancellationToken cancellationToken)
    {
        var domain = NormalizeDomain(call.Arguments.RequiredString(Domain));
        var username = call.Arguments.String(Username);
        var matches = new List<PasswordEntry>();
        await foreach (var entry in call.Agent.Passwords.ListAsync(cancellationToken: cancellationToken).ConfigureAwait(false))
        {
            if (entry.Domain is { } d && NormalizeDomain(d) == domain &&
                (username is null || string.Equals(entry.Username, username, StringComparison.OrdinalIgnoreCase)))
            {
                matches.Add(entry);
            }
        }

        return matches;
    }

    private static ToolFailure Missing(ToolCall call) =>
        ToolFailure.NotFound($"No credentials are saved for {Echo.Quote(call.Arguments.RequiredString(Domain))}{(call.Arguments.String(Username) is { } u ? $" with the username {Echo.Quote(u)}" : "")}. Call list_passwords to see the saved domains.");

    private static async Task<object> ListAsync(ToolCall call, CancellationToken cancellationToken)
    {
        var items = new List<PasswordItem>();
        bool? truncated = null;
        await foreach (var entry in call.Agent.Passwords.ListAsync(cancellationToken: cancellationToken).ConfigureAwait(false))
        {
            if (items.Count == call.Options.MaxListItems)
            {
                truncated = true;
                break;
            }

            items.Add(new PasswordItem(entry.Domain, entry.Username, entry.UpdatedAt ?? entry.CreatedAt));
        }

        return ToolCall.Result(new PasswordListResult(items.Count, items, truncated), ToolJson.Context.PasswordListResult);
    }

    private static async Task<object> GetAsync(ToolCall call, CancellationToken cancellationToken)
    {
        var matches = await MatchesAsync(call, cancellationToken).ConfigureAwait(false);
        if (matches.Count == 0)
        {
            throw Missing(call);
        }

        var entries = new List<PasswordEntryItem>();
        foreach (var match in matches.Take(10))
        {
            // Lists may leave secret fields out: read each entry itself.
            var entry = await call.Agent.Passwords.GetAsync(match.Uuid, cancellationToken: cancellationToken).ConfigureAwait(false);
            if (entry.EncryptedFields != EncryptedFields.None)
            {
                throw ToolErrors.VaultLocked();
            }

            entries.Add(new PasswordEntryItem(entry.Username, entry.Password, entry.Notes, entry.UpdatedAt ?? entry.CreatedAt));
        }

        return ToolCall.Result(new PasswordResult(matches[0].Domain ?? call.Arguments.RequiredString(Domain), entries), ToolJson.Context.PasswordResult);
    }

    private static async Task<object> SaveAsync(ToolCall call, CancellationToken cancellationToken)
    {
        if (!call.Client.Encryption.IsUnlocked)
        {
            throw ToolErrors.VaultLocked(); // before generating or sending anything
        }

        var domain = NormalizeDomain(call.Arguments.RequiredString(Domain));
        if (domain.Length == 0)
        {
            throw ToolFailure.InvalidArgument(Domain, "The argument 'domain' must name a website, e.g. 'example.com'.");
        }

        var username = call.Arguments.String(Username) is { Length: > 0 } u ? u.Trim() : null;
        var given = call.Arguments.String("password");
        var generated = string.IsNullOrEmpty(given);
        var password = generated
            ? await call.Agent.Passwords.GeneratePasswordAsync(new GeneratePasswordOptions { Length = 20 }, cancellationToken: cancellationToken).ConfigureAwait(false)
            : given!;
        var notes = call.Arguments.String("notes");
        var request = new PasswordEntryRequest { Domain = domain, Username = username, Password = password, Notes = string.IsNullOrEmpty(notes) ? null : notes };

        PasswordEntry? existing = null;
        await foreach (var entry in call.Agent.Passwords.ListAsync(cancellationToken: cancellationToken).ConfigureAwait(false))
        {
            if (entry.Domain is { } d && NormalizeDomain(d) == domain && string.Equals(entry.Username ?? "", username ?? "", StringComparison.OrdinalIgnoreCase))
            {
                existing = entry;
                break;
            }
        }

        var saved = existing is null
            ? await call.Agent.Passwords.CreateAsync(request, cancellationToken: cancellationToken).ConfigureAwait(false)
            : await call.Agent.Passwords.UpdateAsync(existing.Uuid, request, cancellationToken: cancellationToken).ConfigureAwait(false);
        return ToolCall.Result(
            new SavedPasswordResult(existing is null ? "created" : "updated", saved.Domain ?? domain, username, generated, generated ? password : null, Encrypted: true),
            ToolJson.Context.SavedPasswordResult);
    }

    private static async Task<object> GenerateAsync(ToolCall call, CancellationToken cancellationToken)
    {
        var length = (int)(call.Arguments.Integer("length") ?? 20);
        var exclude = call.Arguments.String("exclude_chars");
        var password = await call.Agent.Passwords.GeneratePasswordAsync(
            new GeneratePasswordOptions
            {
                Length = length,
                Special = call.Arguments.Boolean("special"),
                Digits = call.Arguments.Boolean("digits"),
                ExcludeChars = string.IsNullOrEmpty(exclude) ? null : exclude,
            },
            cancellationToken: cancellationToken).ConfigureAwait(false);
        return ToolCall.Result(new GeneratedPasswordResult(password, password.Length), ToolJson.Context.GeneratedPasswordResult);
    }

    private static async Task<object> DeleteAsync(ToolCall call, CancellationToken cancellationToken)
    {
        var matches = await MatchesAsync(call, cancellationToken).ConfigureAwait(false);
        switch (matches.Count)
        {
            case 0:
                throw Missing(call);
            case > 1:
                throw ToolFailure.InvalidArgument(
                    Username,
                    $"{matches.Count} entries are saved for this domain; pass 'username' to say which to delete (one of: {string.Join(", ", matches.Select(m => m.Username is null ? "(none)" : Echo.Quote(m.Username)))}).");
        }

        await call.Agent.Passwords.DeleteAsync(matches[0].Uuid, cancellationToken: cancellationToken).ConfigureAwait(false);
        return ToolCall.Result(new StatusResult("deleted", $"The credentials for '{matches[0].Domain}' were deleted."), ToolJson.Context.StatusResult);
    }
}
