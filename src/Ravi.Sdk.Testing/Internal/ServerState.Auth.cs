using System.Security.Cryptography;

namespace Ravi.Sdk.Testing.Internal;

/// <summary>Auth: users, the tokens issued to them, refresh counts and the device flow (callers hold <see cref="Sync"/>).</summary>
internal sealed partial class ServerState
{
    private readonly Dictionary<long, UserRecord> _users = [];
    private readonly Dictionary<string, UserRecord> _usersByEmail = new(StringComparer.OrdinalIgnoreCase);
    private readonly Dictionary<string, DeviceCodeRecord> _deviceCodes = new(StringComparer.Ordinal);
    private long _nextUserId;
    private int _refreshCalls;

    public int RefreshCalls => Volatile.Read(ref _refreshCalls);

    public void CountRefreshCall() => Interlocked.Increment(ref _refreshCalls);

    public UserRecord CreateUser(string email, string password, string firstName, string lastName)
    {
        if (_usersByEmail.ContainsKey(email))
        {
            throw new InvalidOperationException($"A user with email '{email}' already exists.");
        }

        var user = new UserRecord(++_nextUserId, email, password, firstName, lastName);
        _users.Add(user.Id, user);
        _usersByEmail.Add(email, user);
        return user;
    }

    public UserRecord? FindUser(long id) => _users.GetValueOrDefault(id);

    public UserRecord? FindUser(string email) => _usersByEmail.GetValueOrDefault(email);

    public RaviTestTokens IssueTokens(UserRecord user)
    {
        var now = Now;
        return new RaviTestTokens
        {
            AccessToken = Tokens.IssueAccess(user.Id, now, Options.AccessTokenLifetime),
            RefreshToken = Tokens.IssueRefresh(user.Id, now, Options.RefreshTokenLifetime),
        };
    }

    public DeviceCodeRecord CreateDeviceCode()
    {
        var record = new DeviceCodeRecord
        {
            DeviceCode = Convert.ToHexStringLower(RandomNumberGenerator.GetBytes(20)),
            UserCode = NewUserCode(),
            ExpiresAt = Now + Options.DeviceCodeLifetime,
            Interval = TimeSpan.FromSeconds(Math.Ceiling(Options.DevicePollInterval.TotalSeconds)),
        };
        _deviceCodes.Add(record.DeviceCode, record);
        return record;
    }

    public DeviceCodeRecord? FindDeviceCode(string deviceCode) => _deviceCodes.GetValueOrDefault(deviceCode);

    public DeviceCodeRecord? FindByUserCode(string userCode)
    {
        var normalized = NormalizeUserCode(userCode);
        return _deviceCodes.Values.FirstOrDefault(d => NormalizeUserCode(d.UserCode) == normalized);
    }

    public IReadOnlyList<string> PendingUserCodes() =>
        [.. _deviceCodes.Values.Where(d => !d.Consumed && !d.Denied && d.ApprovedUserId is null && Now < d.ExpiresAt).Select(d => d.UserCode)];

    public void ExpireDeviceCodes()
    {
        var now = Now;
        foreach (var record in _deviceCodes.Values)
        {
            record.ExpiresAt = now;
        }
    }

    private static string NormalizeUserCode(string code) => code.Replace("-", "", StringComparison.Ordinal).Trim().ToUpperInvariant();

    private static string NewUserCode()
    {
        const string alphabet = "BCDFGHJKLMNPQRSTVWXZ";
        Span<char> chars = stackalloc char[9];
        for (var i = 0; i < chars.Length; i++)
        {
            chars[i] = i == 4 ? '-' : alphabet[RandomNumberGenerator.GetInt32(alphabet.Length)];
        }

        return new string(chars);
    }
}
