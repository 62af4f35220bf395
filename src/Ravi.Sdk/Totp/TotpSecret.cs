using System.Buffers.Binary;
using System.Globalization;
using System.Security.Cryptography;
using System.Text;

namespace Ravi.Sdk.Totp;

/// <summary>
/// A TOTP (RFC 6238) secret with its parameters, parsed from an <c>otpauth://totp/…</c> URI or a base32 secret, that
/// computes codes locally. <see cref="ToString"/> never shows the secret.
/// </summary>
public sealed class TotpSecret
{
    /// <summary>The shortest accepted key, in bytes (80 bits, as older services issue; RFC 4226 recommends 160).</summary>
    public const int MinKeyLength = 10;

    /// <summary>The longest accepted key, in bytes.</summary>
    public const int MaxKeyLength = 1024;

    private static readonly TimeSpan DefaultPeriod = TimeSpan.FromSeconds(30);
    private readonly byte[] _key;

    private TotpSecret(byte[] key, TotpAlgorithm algorithm, int digits, TimeSpan period, string? issuer, string? accountName)
    {
        _key = key;
        Algorithm = algorithm;
        Digits = digits;
        Period = period;
        Issuer = issuer;
        AccountName = accountName;
    }

    /// <summary>The issuing service, e.g. <c>GitHub</c>.</summary>
    public string? Issuer { get; }

    /// <summary>The account at the service.</summary>
    public string? AccountName { get; }

    /// <summary>The HMAC hash.</summary>
    public TotpAlgorithm Algorithm { get; }

    /// <summary>The number of digits of a code (6–8).</summary>
    public int Digits { get; }

    /// <summary>How long each code is valid.</summary>
    public TimeSpan Period { get; }

    /// <summary>
    /// Parses an <c>otpauth://totp/ISSUER:ACCOUNT?secret=BASE32&amp;issuer=…&amp;algorithm=SHA1|SHA256|SHA512&amp;digits=6-8&amp;period=SECONDS</c>
    /// URI, or a bare base32 secret (case-insensitive; spaces, hyphens and padding ignored).
    /// </summary>
    /// <param name="otpauthUriOrSecret">The URI (as a QR code or a "can't scan it?" link shows it) or the secret.</param>
    /// <param name="options">Overrides and, for a bare secret, its parameters; null for the defaults.</param>
    /// <returns>The parsed secret.</returns>
    /// <exception cref="ArgumentException">The text is neither a TOTP URI nor a base32 secret, or a parameter is out of range. The message never contains the secret.</exception>
    public static TotpSecret Parse(string otpauthUriOrSecret, TotpEnrollOptions? options = null)
    {
        ArgumentException.ThrowIfNullOrWhiteSpace(otpauthUriOrSecret);
        const string param = nameof(otpauthUriOrSecret);
        var text = otpauthUriOrSecret.Trim();
        options ??= new TotpEnrollOptions();
        if (!text.StartsWith("otpauth:", StringComparison.OrdinalIgnoreCase))
        {
            var bare = DecodeSecret(text, param, "The text is neither an otpauth://totp/ URI nor a base32 secret (letters A-Z and digits 2-7)");
            return Create(bare, options.Algorithm ?? TotpAlgorithm.Sha1, options.Digits ?? 6, options.Period ?? DefaultPeriod, options.Issuer, options.AccountName, nameof(options));
        }

        const string totpPrefix = "otpauth://totp/";
        if (!text.StartsWith(totpPrefix, StringComparison.OrdinalIgnoreCase))
        {
            throw new ArgumentException(
                text.StartsWith("otpauth://hotp", StringComparison.OrdinalIgnoreCase)
                    ? "The otpauth URI is for counter-based (HOTP) codes; only time-based ones (otpauth://totp/…) are supported."
                    : "The URI must start with otpauth://totp/.",
                param);
        }

        var rest = text[totpPrefix.Length..];
        var queryStart = rest.IndexOf('?', StringComparison.Ordinal);
        var label = Unescape(queryStart < 0 ? rest : rest[..queryStart]);
        var query = ParseQuery(queryStart < 0 ? "" : rest[(queryStart + 1)..]);

        string? labelIssuer = null, account = label.Length == 0 ? null : label.Trim();
        var colon = label.IndexOf(':', StringComparison.Ordinal);
        if (colon >= 0)
        {
            labelIssuer = label[..colon].Trim();
            account = label[(colon + 1)..].Trim();
        }

        if (!query.TryGetValue("secret", out var secretText) || string.IsNullOrWhiteSpace(secretText))
        {
            throw new ArgumentException("The otpauth URI has no secret parameter.", param);
        }

        var key = DecodeSecret(secretText, param, "The otpauth URI's secret is not base32 (letters A-Z and digits 2-7)");
        var algorithm = query.TryGetValue("algorithm", out var a) ? ParseAlgorithm(a, param) : TotpAlgorithm.Sha1;
        var digits = query.TryGetValue("digits", out var d) ? ParseInt(d, "digits", param) : 6;
        var period = query.TryGetValue("period", out var p) ? TimeSpan.FromSeconds(ParseInt(p, "period", param)) : DefaultPeriod;
        Agree(options.Algorithm, algorithm, "algorithm");
        Agree(options.Digits, digits, "digits");
        Agree(options.Period, period, "period");

        var issuer = options.Issuer ?? (query.TryGetValue("issuer", out var i) && !string.IsNullOrWhiteSpace(i) ? i.Trim() : NullIfEmpty(labelIssuer));
        return Create(key, algorithm, digits, period, issuer, options.AccountName ?? NullIfEmpty(account), param);

        static void Agree<T>(T? wanted, T actual, string what)
            where T : struct
        {
            if (wanted is { } w && !EqualityComparer<T>.Default.Equals(w, actual))
            {
                throw new ArgumentException($"The options ask for {what} {w}, but the otpauth URI says {actual}; leave it unset to use the URI's.", nameof(options));
            }
        }
    }

    /// <summary>Creates a secret from raw key bytes.</summary>
    /// <param name="key">The shared key (at least <see cref="MinKeyLength"/> bytes).</param>
    /// <param name="algorithm">The HMAC hash.</param>
    /// <param name="digits">Digits per code, 6–8.</param>
    /// <param name="period">The period, 1 s to 10 minutes in whole seconds; null for 30 s.</param>
    /// <param name="issuer">The issuing service.</param>
    /// <param name="accountName">The account at the service.</param>
    /// <returns>The secret.</returns>
    /// <exception cref="ArgumentException">A value is out of range.</exception>
    public static TotpSecret FromKey(ReadOnlySpan<byte> key, TotpAlgorithm algorithm = TotpAlgorithm.Sha1, int digits = 6, TimeSpan? period = null, string? issuer = null, string? accountName = null) =>
        Create(key.ToArray(), algorithm, digits, period ?? DefaultPeriod, issuer, accountName, nameof(key));

    /// <summary>Computes the code valid at <paramref name="time"/> (RFC 6238: HOTP over the number of periods since the Unix epoch).</summary>
    /// <param name="time">The instant; use the client's clock.</param>
    /// <returns>The code and the seconds it stays valid.</returns>
    /// <exception cref="ArgumentOutOfRangeException"><paramref name="time"/> is before the Unix epoch.</exception>
    public TotpCode ComputeCode(DateTimeOffset time)
    {
        var unixMs = time.ToUnixTimeMilliseconds();
        ArgumentOutOfRangeException.ThrowIfNegative(unixMs, nameof(time));
        var periodMs = (long)Period.TotalMilliseconds;
        var step = unixMs / periodMs;
        var validFrom = DateTimeOffset.FromUnixTimeMilliseconds(step * periodMs);
        var validUntil = validFrom + Period;
        var remaining = (int)Math.Ceiling((validUntil - time).TotalSeconds);
        return new TotpCode
        {
            Code = Hotp(step),
            ValidFrom = validFrom,
            ValidUntil = validUntil,
            TimeRemaining = TimeSpan.FromSeconds(Math.Max(1, remaining)),
        };
    }

    /// <summary>
    /// Writes the secret as an <c>otpauth://totp/</c> URI (the form stored in the vault). The URI contains the secret:
    /// keep it encrypted.
    /// </summary>
    /// <returns>The URI.</returns>
    public string ToUri()
    {
        var label = Issuer is null ? Escape(AccountName ?? "") : $"{Escape(Issuer)}:{Escape(AccountName ?? "")}";
        var sb = new StringBuilder("otpauth://totp/").Append(label).Append("?secret=").Append(Base32.Encode(_key));
        if (Issuer is not null)
        {
            sb.Append("&issuer=").Append(Escape(Issuer));
        }

        sb.Append("&algorithm=").Append(Algorithm switch { TotpAlgorithm.Sha256 => "SHA256", TotpAlgorithm.Sha512 => "SHA512", _ => "SHA1" })
            .Append("&digits=").Append(Digits.ToString(CultureInfo.InvariantCulture))
            .Append("&period=").Append(((int)Period.TotalSeconds).ToString(CultureInfo.InvariantCulture));
        return sb.ToString();
    }

    /// <summary>Describes the secret without the key.</summary>
    /// <returns>A description safe to log.</returns>
    public override string ToString() =>
        $"TotpSecret {{ Issuer = {Issuer}, AccountName = {AccountName}, Algorithm = {Algorithm}, Digits = {Digits}, Period = {Period.TotalSeconds} s, Key = *** }}";

    private string Hotp(long counter)
    {
        Span<byte> message = stackalloc byte[8];
        BinaryPrimitives.WriteInt64BigEndian(message, counter);
        Span<byte> hash = stackalloc byte[64];
        var length = Algorithm switch
        {
            TotpAlgorithm.Sha256 => HMACSHA256.HashData(_key, message, hash),
            TotpAlgorithm.Sha512 => HMACSHA512.HashData(_key, message, hash),
#pragma warning disable CA5350 // RFC 6238 mandates HMAC-SHA1 for most services; HMAC-SHA1 is not affected by SHA-1 collisions
            _ => HMACSHA1.HashData(_key, message, hash),
#pragma warning restore CA5350
        };
        var offset = hash[length - 1] & 0x0F; // RFC 4226 §5.3 dynamic truncation
        var binary = (BinaryPrimitives.ReadInt32BigEndian(hash.Slice(offset, 4)) & 0x7FFFFFFF) % Pow10(Digits);
        CryptographicOperations.ZeroMemory(hash);
        return binary.ToString(CultureInfo.InvariantCulture).PadLeft(Digits, '0');
    }

    private static int Pow10(int digits) => digits switch { 6 => 1_000_000, 7 => 10_000_000, _ => 100_000_000 };

    private static TotpSecret Create(byte[] key, TotpAlgorithm algorithm, int digits, TimeSpan period, string? issuer, string? accountName, string paramName)
    {
        if (key.Length is < MinKeyLength or > MaxKeyLength)
        {
            throw new ArgumentException($"The secret is {key.Length} bytes long; a TOTP secret has {MinKeyLength} to {MaxKeyLength} bytes ({MinKeyLength * 8 / 5}+ base32 characters). Check that it was copied whole.", paramName);
        }

        if (!Enum.IsDefined(algorithm))
        {
            throw new ArgumentException("The algorithm must be SHA1, SHA256 or SHA512.", paramName);
        }

        if (digits is < 6 or > 8)
        {
            throw new ArgumentException($"A TOTP code has 6, 7 or 8 digits, not {digits}.", paramName);
        }

        if (period < TimeSpan.FromSeconds(1) || period > TimeSpan.FromMinutes(10) || period.Ticks % TimeSpan.TicksPerSecond != 0)
        {
            throw new ArgumentException($"The period must be a whole number of seconds from 1 to 600, not {period.TotalSeconds} s.", paramName);
        }

        return new TotpSecret(key, algorithm, digits, period, NullIfEmpty(issuer), NullIfEmpty(accountName));
    }

    private static byte[] DecodeSecret(string text, string paramName, string error) =>
        Base32.TryDecode(text) ?? throw new ArgumentException(error + ".", paramName);

    private static TotpAlgorithm ParseAlgorithm(string value, string paramName) => value.Trim().ToUpperInvariant() switch
    {
        "SHA1" or "SHA-1" => TotpAlgorithm.Sha1,
        "SHA256" or "SHA-256" => TotpAlgorithm.Sha256,
        "SHA512" or "SHA-512" => TotpAlgorithm.Sha512,
        _ => throw new ArgumentException($"The otpauth URI's algorithm '{Cut(value)}' is not supported; use SHA1, SHA256 or SHA512.", paramName),
    };

    private static int ParseInt(string value, string what, string paramName) =>
        int.TryParse(value.Trim(), NumberStyles.None, CultureInfo.InvariantCulture, out var n)
            ? n
            : throw new ArgumentException($"The otpauth URI's {what} '{Cut(value)}' is not a whole number.", paramName);

    private static Dictionary<string, string> ParseQuery(string query)
    {
        var result = new Dictionary<string, string>(StringComparer.OrdinalIgnoreCase);
        foreach (var pair in query.Split('&', StringSplitOptions.RemoveEmptyEntries))
        {
            var eq = pair.IndexOf('=', StringComparison.Ordinal);
            var name = Unescape(eq < 0 ? pair : pair[..eq]);
            result.TryAdd(name, eq < 0 ? "" : Unescape(pair[(eq + 1)..]));
        }

        return result;
    }

    private static string Unescape(string value)
    {
        try
        {
            return Uri.UnescapeDataString(value);
        }
        catch (UriFormatException)
        {
            return value;
        }
    }

    private static string Escape(string value) => Uri.EscapeDataString(value);

    private static string Cut(string value) => value.Length <= 40 ? value : value[..40] + "…";

    private static string? NullIfEmpty(string? value) => string.IsNullOrWhiteSpace(value) ? null : value.Trim();
}
