using System.Globalization;
using System.Text.Json;
using System.Text.Json.Nodes;
using Ravi.Sdk.Models;

namespace Ravi.Sdk.Auth;

/// <summary>
/// The official CLI's <c>auth.json</c>: <c>{access_token, refresh_token, expires_at, user_email, pin_salt, public_key, private_key}</c>.
/// The crypto layer reads <see cref="PrivateKey"/>/<see cref="PublicKey"/> from it to unlock without a PIN.
/// <see cref="ToString"/> never shows a secret.
/// </summary>
internal sealed record RaviCliAuthFile
{
    public const string AccessTokenField = "access_token";
    public const string RefreshTokenField = "refresh_token";
    public const string ExpiresAtField = "expires_at";
    public const string UserEmailField = "user_email";
    public const string PinSaltField = "pin_salt";
    public const string PublicKeyField = "public_key";
    public const string PrivateKeyField = "private_key";

    /// <summary>Where the file was read from.</summary>
    public required string FilePath { get; init; }

    public string? AccessToken { get; init; }

    public string? RefreshToken { get; init; }

    public DateTimeOffset? ExpiresAt { get; init; }

    public string? UserEmail { get; init; }

    /// <summary>The PIN salt (standard base64), as the CLI stored it.</summary>
    public string? PinSalt { get; init; }

    /// <summary>The identity's X25519 public key (standard base64).</summary>
    public string? PublicKey { get; init; }

    /// <summary>The X25519 private key (standard base64; the CLI stores it clamped). Secret.</summary>
    public string? PrivateKey { get; init; }

    /// <summary>The tokens in the file, or <see langword="null"/> when it has no access token.</summary>
    public RaviTokens? ToTokens() =>
        string.IsNullOrEmpty(AccessToken)
            ? null
            : new RaviTokens
            {
                AccessToken = AccessToken,
                RefreshToken = string.IsNullOrEmpty(RefreshToken) ? null : RefreshToken,
                User = UserEmail is null ? null : new AccountUser { Email = UserEmail },
            };

    /// <summary>Reads and parses the file (bounded, once); <see langword="null"/> when it does not exist, cannot be read or is not a JSON object.</summary>
    public static RaviCliAuthFile? TryRead(string path) => RaviCliFileReader.Read(path).AuthFile;

    /// <summary>Parses file contents; <see langword="null"/> when they are not a JSON object.</summary>
    public static RaviCliAuthFile? Parse(ReadOnlySpan<byte> json, string path)
    {
        var obj = ParseObject(json);
        return obj is null ? null : FromObject(obj, path);
    }

    /// <summary>Parses a JSON object leniently (comments, trailing commas); <see langword="null"/> when it is anything else.</summary>
    public static JsonObject? ParseObject(ReadOnlySpan<byte> json)
    {
        if (json.IsEmpty)
        {
            return null;
        }

        try
        {
            var reader = new Utf8JsonReader(json, new JsonReaderOptions { CommentHandling = JsonCommentHandling.Skip, AllowTrailingCommas = true });
            return JsonNode.Parse(ref reader) as JsonObject;
        }
        catch (JsonException)
        {
            return null;
        }
    }

    /// <summary>The fields of a parsed <c>auth.json</c> object.</summary>
    public static RaviCliAuthFile FromObject(JsonObject obj, string path) => new()
    {
        FilePath = path,
        AccessToken = StringField(obj, AccessTokenField),
        RefreshToken = StringField(obj, RefreshTokenField),
        ExpiresAt = ReadTime(obj[ExpiresAtField]),
        UserEmail = StringField(obj, UserEmailField),
        PinSalt = StringField(obj, PinSaltField),
        PublicKey = StringField(obj, PublicKeyField),
        PrivateKey = StringField(obj, PrivateKeyField),
    };

    /// <summary>A non-empty string field of a JSON object, or <see langword="null"/>.</summary>
    public static string? StringField(JsonObject obj, string name) =>
        obj[name] is JsonValue value && value.TryGetValue<string>(out var s) && s.Length > 0 ? s : null;

    /// <summary>Reads <c>expires_at</c>: unix seconds (number or numeric string) or an ISO 8601 / RFC 3339 string.</summary>
    public static DateTimeOffset? ReadTime(JsonNode? node)
    {
        if (node is not JsonValue value)
        {
            return null;
        }

        if (value.TryGetValue<double>(out var number))
        {
            return FromUnix(number);
        }

        if (value.TryGetValue<string>(out var text) && !string.IsNullOrWhiteSpace(text))
        {
            if (double.TryParse(text, NumberStyles.Float, CultureInfo.InvariantCulture, out var n))
            {
                return FromUnix(n);
            }

            if (DateTimeOffset.TryParse(text, CultureInfo.InvariantCulture, DateTimeStyles.AssumeUniversal | DateTimeStyles.AdjustToUniversal, out var time))
            {
                return time;
            }
        }

        return null;
    }

    private static DateTimeOffset? FromUnix(double seconds) =>
        seconds is > 0 and < 253402300799d ? DateTimeOffset.FromUnixTimeSeconds((long)seconds) : null;

    /// <inheritdoc/>
    public override string ToString() =>
        $"RaviCliAuthFile {{ FilePath = {FilePath}, AccessToken = {Mask(AccessToken)}, RefreshToken = {Mask(RefreshToken)}, " +
        $"ExpiresAt = {ExpiresAt?.ToString("O", CultureInfo.InvariantCulture) ?? "null"}, UserEmail = {UserEmail ?? "null"}, " +
        $"PinSalt = {Mask(PinSalt)}, PublicKey = {PublicKey ?? "null"}, PrivateKey = {Mask(PrivateKey)} }}";

    private static string Mask(string? value) => value is null ? "null" : "***";
}
