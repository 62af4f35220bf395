using System.Globalization;

namespace Ravi.Sdk.Testing.Internal;

/// <summary>Identities: creation, lookup, names and deletion (callers hold <see cref="Sync"/>); an identity's passwords and vault live on its record.</summary>
internal sealed partial class ServerState
{
    private readonly Dictionary<string, IdentityRecord> _identities = new(StringComparer.Ordinal);
    private long _nextPhoneId;
    private long _nextIdentityId;
    private long _nextInboxId;

    public IEnumerable<IdentityRecord> IdentitiesOf(long userId) =>
        _identities.Values.Where(i => i.UserId == userId).OrderBy(i => i.CreatedAt).ThenBy(i => i.PhoneId);

    public IdentityRecord? FindIdentity(string uuid) => _identities.GetValueOrDefault(uuid);

    /// <summary>Every identity (callers hold <see cref="Sync"/>).</summary>
    public IEnumerable<IdentityRecord> AllIdentities() => _identities.Values;

    public IdentityRecord RequireIdentity(string identityUuid)
    {
        ArgumentException.ThrowIfNullOrWhiteSpace(identityUuid);
        return FindIdentity(NormalizeUuid(identityUuid) ?? identityUuid)
            ?? throw new ArgumentException($"No identity '{identityUuid}' exists on this server.", nameof(identityUuid));
    }

    /// <summary>Whether a name (or the inbox it implies) is taken by an identity other than <paramref name="except"/>.</summary>
    public bool IsNameTaken(string name, IdentityRecord? except = null)
    {
        var inbox = InboxFor(name);
        return _identities.Values.Any(i => !ReferenceEquals(i, except)
            && (string.Equals(i.Name, name, StringComparison.OrdinalIgnoreCase) || string.Equals(i.Inbox, inbox, StringComparison.OrdinalIgnoreCase)));
    }

    public IdentityRecord CreateIdentity(UserRecord user, string name)
    {
        var phoneId = ++_nextPhoneId;
        var phone = "+1555" + (1_000_000 + phoneId).ToString(CultureInfo.InvariantCulture);
        var identity = new IdentityRecord(Guid.NewGuid().ToString("D"), ++_nextIdentityId, 100 + ++_nextInboxId, user.Id, name, InboxFor(name), phone, phoneId, Now);
        _identities.Add(identity.Uuid, identity);
        return identity;
    }

    public void DeleteIdentity(IdentityRecord identity)
    {
        identity.Deleted = true;
        _identities.Remove(identity.Uuid);
        foreach (var email in identity.Emails)
        {
            _emails.Remove(email.Id);
        }

        foreach (var sms in identity.Sms)
        {
            _sms.Remove(sms.Id);
        }

        SignalEvents(identity);
    }

    public static string? NormalizeUuid(string? value) =>
        value is not null && Guid.TryParseExact(value.Trim(), "D", out var guid) ? guid.ToString("D") : null;

    private string InboxFor(string name) => name.ToLowerInvariant() + "@" + Options.MailDomain;
}
