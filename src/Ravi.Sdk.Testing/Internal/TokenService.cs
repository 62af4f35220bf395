using System.Buffers.Text;
using System.Globalization;
using System.Security.Cryptography;
using System.Text;
using System.Text.Json;
using System.Text.Json.Nodes;

namespace Ravi.Sdk.Testing.Internal;

/// <summary>
/// Issues and checks JWT-shaped tokens (<c>base64url(header).base64url(payload).base64url(HMAC-SHA256)</c>, with
/// <c>token_type</c>, <c>exp</c>, <c>iat</c>, <c>jti</c>, <c>sub</c> and <c>user_id</c>), signed with a per-server random key,
/// and static API keys. Not thread-safe: callers hold <see cref="ServerState.Sync"/>.
/// </summary>
internal sealed class TokenService
{
    private const string AccessType = "access";
    private const string RefreshType = "refresh";
    private static readonly string Header = Base64Url.EncodeToString("{\"alg\":\"HS256\",\"typ\":\"JWT\"}"u8);

    private readonly byte[] _key = RandomNumberGenerator.GetBytes(32);
    private readonly Dictionary<string, TokenRecord> _access = new(StringComparer.Ordinal);
    private readonly Dictionary<string, TokenRecord> _refresh = new(StringComparer.Ordinal);
    private readonly Dictionary<string, long> _apiKeys = new(StringComparer.Ordinal);

    public string IssueAccess(long userId, DateTimeOffset now, TimeSpan lifetime) => Issue(_access, AccessType, userId, now, lifetime);

    public string IssueRefresh(long userId, DateTimeOffset now, TimeSpan lifetime) => Issue(_refresh, RefreshType, userId, now, lifetime);

    public string CreateApiKey(long userId)
    {
        var key = "ravi_mgmt_" + Convert.ToHexStringLower(RandomNumberGenerator.GetBytes(20));
        _apiKeys[key] = userId;
        return key;
    }

    /// <summary>Checks a bearer credential (JWT access token or API key).</summary>
    public TokenCheck CheckAccess(string token, DateTimeOffset now, out long userId)
    {
        if (token.StartsWith("ravi_", StringComparison.Ordinal))
        {
            return _apiKeys.TryGetValue(token, out userId) ? TokenCheck.Valid : TokenCheck.Invalid;
        }

        return Check(_access, AccessType, token, now, out userId, out _);
    }

    /// <summary>Checks a refresh token; with <paramref name="consume"/>, a valid token is revoked (rotation).</summary>
    public TokenCheck UseRefresh(string token, DateTimeOffset now, bool consume, out long userId)
    {
        var result = Check(_refresh, RefreshType, token, now, out userId, out var record);
        if (result == TokenCheck.Valid && consume)
        {
            record!.Revoked = true;
        }

        return result;
    }

    public void ExpireAllAccess()
    {
        foreach (var record in _access.Values)
        {
            record.ForcedExpired = true;
        }
    }

    public void RevokeAllRefresh()
    {
        foreach (var record in _refresh.Values)
        {
            record.Revoked = true;
        }
    }

    public void RevokeUser(long userId)
    {
        foreach (var record in _access.Values.Concat(_refresh.Values))
        {
            if (record.UserId == userId)
            {
                record.Revoked = true;
            }
        }
    }

    private string Issue(Dictionary<string, TokenRecord> store, string type, long userId, DateTimeOffset now, TimeSpan lifetime)
    {
        var jti = Convert.ToHexStringLower(RandomNumberGenerator.GetBytes(16));
        var expiresAt = now + lifetime;
        store[jti] = new TokenRecord(jti, userId, expiresAt);
        var payload = new JsonObject
        {
            ["token_type"] = type,
            ["exp"] = expiresAt.ToUnixTimeSeconds(),
            ["iat"] = now.ToUnixTimeSeconds(),
            ["jti"] = jti,
            ["sub"] = userId.ToString(CultureInfo.InvariantCulture),
            ["user_id"] = userId,
        };
        var signingInput = Header + "." + Base64Url.EncodeToString(Encoding.UTF8.GetBytes(payload.ToJsonString()));
        return signingInput + "." + Base64Url.EncodeToString(Sign(signingInput));
    }

    private TokenCheck Check(Dictionary<string, TokenRecord> store, string type, string token, DateTimeOffset now, out long userId, out TokenRecord? record)
    {
        userId = 0;
        record = null;
        var parts = token.Split('.');
        if (parts.Length != 3 || parts[2].Length > 64)
        {
            return TokenCheck.Invalid;
        }

        try
        {
            var signature = Base64Url.DecodeFromChars(parts[2]);
            if (!CryptographicOperations.FixedTimeEquals(signature, Sign(parts[0] + "." + parts[1])))
            {
                return TokenCheck.Invalid;
            }

            var payload = JsonNode.Parse(Base64Url.DecodeFromChars(parts[1])) as JsonObject;
            if (payload?["token_type"]?.GetValue<string>() != type || payload["jti"]?.GetValue<string>() is not { } jti
                || !store.TryGetValue(jti, out record))
            {
                return TokenCheck.Invalid;
            }
        }
        catch (Exception e) when (e is FormatException or JsonException or InvalidOperationException)
        {
            return TokenCheck.Invalid;
        }

        userId = record.UserId;
        if (record.Revoked)
        {
            return TokenCheck.Invalid;
        }

        return record.ForcedExpired || now >= record.ExpiresAt ? TokenCheck.Expired : TokenCheck.Valid;
    }

    private byte[] Sign(string signingInput) => HMACSHA256.HashData(_key, Encoding.ASCII.GetBytes(signingInput));
}
