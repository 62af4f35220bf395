using System.Text;
using System.Text.Encodings.Web;
using System.Text.Json;
using System.Text.Json.Nodes;
using System.Text.RegularExpressions;

namespace Ravi.Sdk.Http;

/// <summary>
/// Keeps secrets out of error text (<c>Message</c>, <c>ToString()</c>,
/// <see cref="RaviApiException.ResponseBody"/>, <see cref="RaviApiException.Detail"/>, field errors): the values of
/// secret-bearing fields (<see cref="IsSecretField"/>) in a JSON body, the same fields in a body that is not valid JSON
/// (e.g. truncated), and every exact occurrence of a known secret (the client's tokens, the bearer token and the secret
/// fields of the request that failed) wherever it appears.
/// </summary>
internal static partial class RaviErrorRedactor
{
    /// <summary>What a redacted value becomes.</summary>
    public const string Mask = "***";

    /// <summary>Known secrets shorter than this are not searched for (they would mask ordinary words).</summary>
    private const int MinSecretLength = 8;

    /// <summary>In messages of secret fields, a word of at least this many characters with a digit is taken for a value.</summary>
    private const int MinValueLength = 6;

    /// <summary>In messages of secret fields, a word of at least this many characters is taken for a value even without a digit.</summary>
    private const int MinOpaqueLength = 16;

    private static readonly HashSet<string> SecretFields = new(StringComparer.OrdinalIgnoreCase)
    {
        "access", "refresh", "access_token", "refresh_token", "id_token", "token", "api_key", "apikey", "key_value",
        "password", "new_password", "old_password", "current_password", "password1", "password2", "passphrase",
        "value", "secret", "client_secret", "private_key", "secret_key", "pin", "pin_code", "otp", "device_code",
        "authorization", "cookie", "session", "sessionid", "verifier",
    };

    private static readonly JsonWriterOptions WriterOptions = new() { Encoder = JavaScriptEncoder.UnsafeRelaxedJsonEscaping };

    /// <summary>Whether a field name carries a secret (case-insensitive).</summary>
    public static bool IsSecretField(string name) => SecretFields.Contains(name);

    /// <summary>Collects the known secrets of a failed exchange: <paramref name="extra"/>, the bearer token, and the request body's secret fields.</summary>
    public static async Task<List<string>> CollectAsync(HttpRequestMessage? request, IEnumerable<string?>? extra, CancellationToken cancellationToken)
    {
        var secrets = new List<string>();
        if (extra is not null)
        {
            foreach (var secret in extra)
            {
                Add(secrets, secret);
            }
        }

        if (request is null)
        {
            return secrets;
        }

        Add(secrets, request.Headers.Authorization?.Parameter);
        if (request.Content is ByteArrayContent or ReadOnlyMemoryContent or RaviReplayableContent)
        {
            try
            {
                var body = await request.Content.ReadAsByteArrayAsync(cancellationToken).ConfigureAwait(false);
                CollectJsonSecrets(body, secrets);
            }
            catch (Exception ex) when (ex is ObjectDisposedException or InvalidOperationException or HttpRequestException)
            {
                // The body is gone: the bearer token and the extra secrets are still redacted.
            }
        }

        return secrets;
    }

    /// <summary>Replaces every occurrence of each known secret in <paramref name="text"/>.</summary>
    public static string? RedactKnown(string? text, IReadOnlyList<string> secrets)
    {
        if (string.IsNullOrEmpty(text))
        {
            return text;
        }

        foreach (var secret in secrets)
        {
            if (text.Contains(secret, StringComparison.Ordinal))
            {
                text = text.Replace(secret, Mask, StringComparison.Ordinal);
            }
        }

        return text;
    }

    /// <summary>
    /// Masks what looks like a value inside a message of a secret-bearing field (a word of 6+ characters with a digit, or of
    /// 16+ characters), keeping ordinary words: <c>Token 'abc…' is invalid</c> becomes <c>Token '***' is invalid</c>.
    /// </summary>
    public static string RedactValueLike(string message)
    {
        StringBuilder? builder = null;
        var start = -1;
        for (var i = 0; i <= message.Length; i++)
        {
            var inWord = i < message.Length && IsValueChar(message[i]);
            if (inWord)
            {
                if (start < 0)
                {
                    start = i;
                }

                continue;
            }

            if (start >= 0)
            {
                var word = message.AsSpan(start, i - start);
                if (word.Length >= MinOpaqueLength || (word.Length >= MinValueLength && word.IndexOfAnyInRange('0', '9') >= 0))
                {
                    builder ??= new StringBuilder(message, 0, start, message.Length);
                    builder.Append(Mask);
                }
                else
                {
                    builder?.Append(word);
                }

                start = -1;
            }

            if (i < message.Length)
            {
                builder?.Append(message[i]);
            }
        }

        return builder?.ToString() ?? message;
    }

    /// <summary>
    /// The body text with secrets removed: for JSON, secret-bearing fields become <c>"***"</c> and known secrets are masked
    /// in every string (the raw text is returned unchanged when there was nothing to redact); for anything else (HTML, a
    /// truncated JSON body), known secrets and <c>"secret_field": value</c> pairs are masked in the text.
    /// </summary>
    public static string RedactBody(ReadOnlySpan<byte> body, string text, IReadOnlyList<string> secrets)
    {
        JsonNode? root = null;
        try
        {
            var reader = new Utf8JsonReader(body, new JsonReaderOptions { CommentHandling = JsonCommentHandling.Skip, AllowTrailingCommas = true });
            root = JsonNode.Parse(ref reader);
        }
        catch (JsonException)
        {
        }

        if (root is null)
        {
            try
            {
                return LoosePair().Replace(RedactKnown(text, secrets)!, static m =>
                    IsSecretField(m.Groups["name"].Value) ? m.Value[..(m.Groups["value"].Index - m.Index)] + "\"" + Mask + "\"" : m.Value);
            }
            catch (RegexMatchTimeoutException)
            {
                return "[the response body was withheld: it could not be checked for secrets]";
            }
        }

        if (!Redact(root, secrets))
        {
            return text;
        }

        using var buffer = new MemoryStream();
        using (var writer = new Utf8JsonWriter(buffer, WriterOptions))
        {
            root.WriteTo(writer);
        }

        return Encoding.UTF8.GetString(buffer.GetBuffer(), 0, (int)buffer.Length);
    }

    private static bool IsValueChar(char c) => char.IsAsciiLetterOrDigit(c) || c is '.' or '_' or '-' or '~' or '+' or '/' or '=' or ':';

    private static void Add(List<string> secrets, string? secret)
    {
        if (secret is { Length: >= MinSecretLength } && !secrets.Contains(secret))
        {
            secrets.Add(secret);
        }
    }

    private static void CollectJsonSecrets(byte[] body, List<string> secrets)
    {
        try
        {
            var reader = new Utf8JsonReader(body);
            string? property = null;
            while (reader.Read())
            {
                if (reader.TokenType == JsonTokenType.PropertyName)
                {
                    property = reader.GetString();
                }
                else if (reader.TokenType == JsonTokenType.String && property is not null && IsSecretField(property))
                {
                    Add(secrets, reader.GetString());
                }
            }
        }
        catch (JsonException)
        {
            // Not JSON: nothing to collect.
        }
    }

    /// <summary>Masks secret-bearing fields and known secrets in place; true when anything changed.</summary>
    private static bool Redact(JsonNode node, IReadOnlyList<string> secrets)
    {
        var changed = false;
        switch (node)
        {
            case JsonObject obj:
                foreach (var (name, value) in obj.ToList())
                {
                    if (value is null)
                    {
                        continue;
                    }

                    if (IsSecretField(name))
                    {
                        if (value is not JsonValue v || !v.TryGetValue<string>(out var s) || s != Mask)
                        {
                            obj[name] = Mask;
                            changed = true;
                        }
                    }
                    else if (value is JsonValue leaf)
                    {
                        changed |= RedactLeaf(leaf, secrets, replacement => obj[name] = replacement);
                    }
                    else
                    {
                        changed |= Redact(value, secrets);
                    }
                }

                break;
            case JsonArray array:
                for (var i = 0; i < array.Count; i++)
                {
                    var index = i;
                    changed |= array[i] switch
                    {
                        JsonValue leaf => RedactLeaf(leaf, secrets, replacement => array[index] = replacement),
                        { } child => Redact(child, secrets),
                        null => false,
                    };
                }

                break;
        }

        return changed;
    }

    private static bool RedactLeaf(JsonValue leaf, IReadOnlyList<string> secrets, Action<string> replace)
    {
        if (!leaf.TryGetValue<string>(out var text))
        {
            return false;
        }

        var redacted = RedactKnown(text, secrets)!;
        if (ReferenceEquals(redacted, text))
        {
            return false;
        }

        replace(redacted);
        return true;
    }

    /// <summary>A <c>"name": value</c> pair in text that is not valid JSON; the value may be cut off by truncation.</summary>
    [GeneratedRegex("\"(?<name>[A-Za-z0-9_\\-]{1,64})\"\\s*:\\s*(?<value>\"(?:[^\"\\\\]|\\\\.)*\"?|\\[[^\\]]*\\]?|[^,}\\s]+)", RegexOptions.CultureInvariant, matchTimeoutMilliseconds: 1000)]
    private static partial Regex LoosePair();
}
