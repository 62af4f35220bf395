using System.Text.RegularExpressions;

namespace Ravi.Sdk.Otp;

/// <summary>
/// The default one-time-code extractor: finds 4–8 digit codes (also written <c>123-456</c> or <c>123 456</c>), prefers
/// the one nearest to words like code, OTP, verification, passcode, PIN, one-time, 2FA, and ignores digits that belong
/// to URLs, email addresses, phone numbers, amounts, dates, years, times, order/invoice/reference numbers and SMS short
/// codes.
/// </summary>
internal static partial class OtpCodeExtractor
{
    private const RegexOptions Options = RegexOptions.IgnoreCase | RegexOptions.CultureInvariant;
    private const string Months = "jan(?:uary)?|feb(?:ruary)?|mar(?:ch)?|apr(?:il)?|may|june?|july?|aug(?:ust)?|sep(?:t(?:ember)?)?|oct(?:ober)?|nov(?:ember)?|dec(?:ember)?";

    /// <summary>Returns the most likely one-time code in <paramref name="text"/> (digits only), or null.</summary>
    public static string? Extract(string? text)
    {
        if (string.IsNullOrWhiteSpace(text))
        {
            return null;
        }

        var links = Intervals(text, Url(), Email());
        var excluded = Intervals(text, Phone(), Amount(), DecimalNumber(), Time(), Date(), Reference(), ShortCode(), Quantity());
        excluded.AddRange(links);

        var keywords = new List<(int Start, int End)>();
        foreach (Match m in Keyword().Matches(text))
        {
            if (!Overlaps(links, m.Index, m.Index + m.Length))
            {
                keywords.Add((m.Index, m.Index + m.Length));
            }
        }

        var candidates = new List<Candidate>();
        foreach (Match m in GroupedCode().Matches(text))
        {
            if (!Overlaps(excluded, m.Index, m.Index + m.Length))
            {
                candidates.Add(new Candidate(m.Index, m.Index + m.Length, DigitsOnly(m.Value)));
            }
        }

        foreach (Match m in PlainCode().Matches(text))
        {
            var end = m.Index + m.Length;
            if (!Overlaps(excluded, m.Index, end) && !candidates.Exists(c => c.Start < end && m.Index < c.End))
            {
                candidates.Add(new Candidate(m.Index, end, m.Value));
            }
        }

        if (candidates.Count == 0)
        {
            return null;
        }

        Candidate? best = null;
        var bestScore = int.MinValue;
        var anyNearKeyword = false;
        foreach (var candidate in candidates.OrderBy(c => c.Start))
        {
            var (score, nearKeyword) = Score(text, candidate, keywords);
            anyNearKeyword |= nearKeyword;
            if (nearKeyword && score > bestScore)
            {
                best = candidate;
                bestScore = score;
            }
        }

        if (anyNearKeyword)
        {
            return best!.Code;
        }

        // No code-like wording anywhere near: accept only an unambiguous, non-year number (e.g. an SMS that is just "482913").
        return candidates.Count == 1 && !IsYearLike(candidates[0].Code) ? candidates[0].Code : null;
    }

    private static (int Score, bool NearKeyword) Score(string text, Candidate c, List<(int Start, int End)> keywords)
    {
        var before = int.MaxValue;
        var after = int.MaxValue;
        foreach (var (start, end) in keywords)
        {
            if (end <= c.Start)
            {
                before = Math.Min(before, c.Start - end);
            }
            else if (start >= c.End)
            {
                after = Math.Min(after, start - c.End);
            }
        }

        var score = 0;
        score += before <= 30 ? 10 : before <= 80 ? 5 : 0;
        score += after <= 30 ? 8 : after <= 80 ? 4 : 0;
        var nearKeyword = before <= 80 || after <= 80;

        var prefix = text.AsSpan(Math.Max(0, c.Start - 8), c.Start - Math.Max(0, c.Start - 8));
        if (LeadIn().IsMatch(prefix))
        {
            score += 3;
        }

        var suffix = text.AsSpan(c.End, Math.Min(12, text.Length - c.End));
        if (LeadOut().IsMatch(suffix))
        {
            score += 3;
        }

        score += c.Code.Length switch
        {
            6 => 2,
            5 or 7 => 1,
            _ => 0,
        };

        if (IsYearLike(c.Code))
        {
            score -= 6;
        }

        if (IsAloneOnLine(text, c))
        {
            score += 3;
        }

        var window = text.AsSpan(Math.Max(0, c.Start - 30), c.Start - Math.Max(0, c.Start - 30));
        if (Promotion().IsMatch(window))
        {
            score -= 12;
            nearKeyword = nearKeyword && score > 0;
        }

        return (score, nearKeyword);
    }

    private static bool IsYearLike(string code) =>
        code.Length == 4 && (code.StartsWith("19", StringComparison.Ordinal) || code.StartsWith("20", StringComparison.Ordinal));

    private static bool IsAloneOnLine(string text, Candidate c)
    {
        var lineStart = c.Start == 0 ? 0 : text.LastIndexOf('\n', c.Start - 1) + 1;
        var lineEnd = text.IndexOf('\n', c.End);
        if (lineEnd < 0)
        {
            lineEnd = text.Length;
        }

        return text.AsSpan(lineStart, c.Start - lineStart).IsWhiteSpace() && text.AsSpan(c.End, lineEnd - c.End).Trim().Length <= 1;
    }

    private static string DigitsOnly(string value) => string.Concat(value.Where(char.IsAsciiDigit));

    private static List<(int Start, int End)> Intervals(string text, params Regex[] regexes)
    {
        var list = new List<(int Start, int End)>();
        foreach (var regex in regexes)
        {
            foreach (Match m in regex.Matches(text))
            {
                list.Add((m.Index, m.Index + m.Length));
            }
        }

        return list;
    }

    private static bool Overlaps(List<(int Start, int End)> intervals, int start, int end) =>
        intervals.Exists(i => i.Start < end && start < i.End);

    private sealed record Candidate(int Start, int End, string Code);

    [GeneratedRegex(@"(?<![\w-])(?:\d{3}[ -]\d{3}|\d{4}[ -]\d{4})(?![\w-])", Options)]
    private static partial Regex GroupedCode();

    [GeneratedRegex(@"(?<!\w)\d{4,8}(?!\w)", Options)]
    private static partial Regex PlainCode();

    [GeneratedRegex(@"\b(?:codes?|c[oó]digo|otp|passcode|pass\s?code|pin|verif\w*|one[-\s]?time|2fa|two[-\s]factor|mfa|security|login|log[-\s]?in|sign(?:ing)?[-\s]?in|authenticat\w*|auth|confirm\w*|activat\w*|token|password)\b", Options)]
    private static partial Regex Keyword();

    [GeneratedRegex(@"(?:\bis|:|=|-)\s*$", Options)]
    private static partial Regex LeadIn();

    [GeneratedRegex(@"^\s*(?:is|as)\b", Options)]
    private static partial Regex LeadOut();

    [GeneratedRegex(@"\b(?:promo(?:tion(?:al)?)?|coupon|discount|voucher)\b", Options)]
    private static partial Regex Promotion();

    [GeneratedRegex(@"(?:https?://|www\.)[^\s<>""']+|\b[a-z0-9-]+(?:\.[a-z0-9-]+)*\.(?:com|net|org|io|app|co|me|ly|gl|us|uk|de|in|ai|dev|info|biz)\b(?:/[^\s<>""']*)?", Options)]
    private static partial Regex Url();

    [GeneratedRegex(@"[\w.+-]+@[\w-]+(?:\.[\w-]+)+", Options)]
    private static partial Regex Email();

    [GeneratedRegex(@"\+\d{1,3}(?:[\s.-]?\(?\d{1,4}\)?){1,4}|\(\d{3}\)\s?\d{3}[\s.-]?\d{4}|(?<!\d)(?:1[\s.-])?\d{3}[.-]\d{3}[.-]\d{4}(?!\d)|(?<!\d)1[\s-]8\d\d[\s-]\w{3}[\s-]\w{4}", Options)]
    private static partial Regex Phone();

    [GeneratedRegex(@"(?:[$€£¥₹]|\b(?:usd|eur|gbp|cad|aud|inr|jpy|chf|rs\.?))\s?\d[\d,.]*|\d[\d,.]*\s?(?:[$€£¥₹]|\b(?:usd|eur|gbp|cad|aud|inr|jpy|chf|dollars?|euros?|pounds?|cents?)\b)", Options)]
    private static partial Regex Amount();

    [GeneratedRegex(@"\d+(?:[.,]\d+)+", Options)]
    private static partial Regex DecimalNumber();

    [GeneratedRegex(@"\b\d{1,2}:\d{2}(?::\d{2})?(?:\s?[ap]\.?m\.?)?|\b\d{1,2}\s?[ap]\.?m\b|\b\d{4}\s?(?:hrs|hours|h)\b", Options)]
    private static partial Regex Time();

    [GeneratedRegex(@"\b\d{4}[-/.]\d{1,2}[-/.]\d{1,2}\b|\b\d{1,2}[-/.]\d{1,2}[-/.]\d{2,4}\b|\b(?:" + Months + @")\.?\s+\d{1,2}(?:st|nd|rd|th)?(?:,\s*|\s+)\d{4}\b|\b\d{1,2}(?:st|nd|rd|th)?\s+(?:" + Months + @")\.?,?\s+\d{4}\b|\b(?:" + Months + @")\.?,?\s+\d{4}\b|(?:©|\(c\)|copyright)\s*(?:\d{4}\s*[-–]\s*)?\d{4}|\b(?:since|year|in|of|fy|est\.?|established|founded)\s+(?:19|20)\d{2}\b", Options)]
    private static partial Regex Date();

    [GeneratedRegex(@"\b(?:order|invoice|inv|ref(?:erence)?|ticket|tracking|case|booking|account|acct|customer|member(?:ship)?|transaction|txn|receipt|flight|po|shipment|parcel|package|policy|claim|serial|model|sku|item|room|unit|apt|suite|zip|postal|id)\b\s*(?:(?:number|no\.?|num|id)\b)?\s*(?:\b(?:is|was)\b)?\s*[:#]?\s*#?\s*(?:[a-z]{2,3}\s)?[a-z0-9-]*\d[a-z0-9-]*|#\s?[a-z0-9-]*\d[a-z0-9-]*|\b(?:ending|ends)\s*(?:in|with|:)?\s*\d{4}\b|\blast\s+(?:4|four)(?:\s+digits)?\s*(?:of|:)?\s*\d{4}\b", Options)]
    private static partial Regex Reference();

    [GeneratedRegex(@"\b(?:text|txt|reply|send|sms|msg)\s+(?:\w+\s+){0,3}to\s+\d+|\b(?:call|dial|phone|tel|fax|contact)\b\s*(?:us\s+)?(?:at|on)?\s*[:.]?\s*\+?\(?\d[\d\s().-]{3,}\d", Options)]
    private static partial Regex ShortCode();

    [GeneratedRegex(@"\d+\s?(?:%|percent\b|(?:mb|gb|kb|tb|km|mi|kg|lbs?|miles|points|pts|mins?|minutes|hours?|hrs?|secs?|seconds|days?|weeks?|months?|years?|items?|people|users?|steps|calories|kcal)\b)", Options)]
    private static partial Regex Quantity();
}
