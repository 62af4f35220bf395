using System.Buffers;
using System.Buffers.Text;
using System.Text.Json;

namespace Ravi.Sdk.Auth;

/// <summary>What the SDK needs to know about a bearer token without validating it: is it an API key, when does it expire.</summary>
internal static class RaviJwt
{
    private const int MaxPayloadChars = 16 * 1024;

    /// <summary>Whether the token is a static API key (<c>ravi_mgmt_…</c>, <c>ravi_id_…</c>): those are never refreshed.</summary>
    public static bool IsStaticApiKey(string token) =>
        token.StartsWith("ravi_mgmt_", StringComparison.Ordinal) || token.StartsWith("ravi_id_", StringComparison.Ordinal);

    /// <summary>Whether a token pair can be renewed through the refresh endpoint.</summary>
    public static bool CanRefresh(Auth.RaviTokens tokens) =>
        !string.IsNullOrEmpty(tokens.RefreshToken) && !IsStaticApiKey(tokens.AccessToken);

    /// <summary>
    /// Reads the <c>exp</c> claim of a JWT (the payload is decoded from base64url and scanned with <see cref="Utf8JsonReader"/>;
    /// the signature is not checked: the server does that). Returns <see langword="null"/> for anything that is not a JWT with a numeric <c>exp</c>.
    /// </summary>
    public static DateTimeOffset? TryGetExpiry(string? token)
    {
        if (string.IsNullOrEmpty(token))
        {
            return null;
        }

        var first = token.IndexOf('.', StringComparison.Ordinal);
        if (first <= 0)
        {
            return null;
        }

        var second = token.IndexOf('.', first + 1);
        if (second < 0)
        {
            return null;
        }

        var payload = token.AsSpan(first + 1, second - first - 1);
        if (payload.IsEmpty || payload.Length > MaxPayloadChars)
        {
            return null;
        }

        var buffer = ArrayPool<byte>.Shared.Rent(Base64Url.GetMaxDecodedLength(payload.Length));
        try
        {
            if (Base64Url.DecodeFromChars(payload, buffer, out _, out var written) != OperationStatus.Done)
            {
                return null; // not base64url: not a JWT
            }

            return ReadExp(buffer.AsSpan(0, written));
        }
        finally
        {
            ArrayPool<byte>.Shared.Return(buffer, clearArray: true);
        }
    }

    private static DateTimeOffset? ReadExp(ReadOnlySpan<byte> json)
    {
        try
        {
            var reader = new Utf8JsonReader(json);
            if (!reader.Read() || reader.TokenType != JsonTokenType.StartObject)
            {
                return null;
            }

            while (reader.Read() && reader.TokenType == JsonTokenType.PropertyName)
            {
                var isExp = reader.ValueTextEquals("exp"u8);
                if (!reader.Read())
                {
                    return null;
                }

                if (isExp)
                {
                    if (reader.TokenType == JsonTokenType.Number && reader.TryGetDouble(out var seconds) &&
                        seconds is > 0 and < 253402300799d)
                    {
                        return DateTimeOffset.FromUnixTimeSeconds((long)seconds);
                    }

                    return null;
                }

                reader.Skip();
            }
        }
        catch (JsonException)
        {
            // Not JSON: not a JWT we understand.
        }

        return null;
    }
}
