using System.Text;
using Ravi.Sdk.Resources;
using Ravi.Sdk.Totp;

namespace Ravi.Sdk.Tests.Totp;

/// <summary>RFC 6238 codes (Appendix B vectors), otpauth URI and base32 parsing, and secrecy of the key.</summary>
public sealed class TotpSecretTests
{
    // RFC 6238 Appendix B: ASCII seeds of 20, 32 and 64 bytes; 8 digits; 30 s period.
    private static readonly byte[] Sha1Seed = Encoding.ASCII.GetBytes("12345678901234567890");
    private static readonly byte[] Sha256Seed = Encoding.ASCII.GetBytes("12345678901234567890123456789012");
    private static readonly byte[] Sha512Seed = Encoding.ASCII.GetBytes("1234567890123456789012345678901234567890123456789012345678901234");

    public static TheoryData<long, string, TotpAlgorithm> Rfc6238Vectors => new()
    {
        { 59, "94287082", TotpAlgorithm.Sha1 },
        { 59, "46119246", TotpAlgorithm.Sha256 },
        { 59, "90693936", TotpAlgorithm.Sha512 },
        { 1111111109, "07081804", TotpAlgorithm.Sha1 },
        { 1111111109, "68084774", TotpAlgorithm.Sha256 },
        { 1111111109, "25091201", TotpAlgorithm.Sha512 },
        { 1111111111, "14050471", TotpAlgorithm.Sha1 },
        { 1111111111, "67062674", TotpAlgorithm.Sha256 },
        { 1111111111, "99943326", TotpAlgorithm.Sha512 },
        { 1234567890, "89005924", TotpAlgorithm.Sha1 },
        { 1234567890, "91819424", TotpAlgorithm.Sha256 },
        { 1234567890, "93441116", TotpAlgorithm.Sha512 },
        { 2000000000, "69279037", TotpAlgorithm.Sha1 },
        { 2000000000, "90698825", TotpAlgorithm.Sha256 },
        { 2000000000, "38618901", TotpAlgorithm.Sha512 },
        { 20000000000, "65353130", TotpAlgorithm.Sha1 },
        { 20000000000, "77737706", TotpAlgorithm.Sha256 },
        { 20000000000, "47863826", TotpAlgorithm.Sha512 },
    };

    private static byte[] Seed(TotpAlgorithm algorithm) => algorithm switch
    {
        TotpAlgorithm.Sha256 => Sha256Seed,
        TotpAlgorithm.Sha512 => Sha512Seed,
        _ => Sha1Seed,
    };

    [Theory]
    [MemberData(nameof(Rfc6238Vectors))]
    public void Codes_match_the_RFC_6238_appendix_B_vectors(long unixSeconds, string expected, TotpAlgorithm algorithm)
    {
        var secret = TotpSecret.FromKey(Seed(algorithm), algorithm, digits: 8);
        Assert.Equal(expected, secret.ComputeCode(DateTimeOffset.FromUnixTimeSeconds(unixSeconds)).Code);
    }

    [Theory]
    [MemberData(nameof(Rfc6238Vectors))]
    public void The_same_vectors_through_an_otpauth_uri(long unixSeconds, string expected, TotpAlgorithm algorithm)
    {
        var base32 = TotpSecret.FromKey(Seed(algorithm), algorithm, 8).ToUri();
        var parsed = TotpSecret.Parse(base32);
        Assert.Equal(expected, parsed.ComputeCode(DateTimeOffset.FromUnixTimeSeconds(unixSeconds)).Code);
    }

    [Fact]
    public void A_six_digit_code_is_the_last_six_digits_and_keeps_leading_zeros()
    {
        var secret = TotpSecret.FromKey(Sha1Seed);
        Assert.Equal("081804", secret.ComputeCode(DateTimeOffset.FromUnixTimeSeconds(1111111109)).Code);
    }

    [Fact]
    public void The_code_says_how_long_it_stays_valid()
    {
        var secret = TotpSecret.FromKey(Sha1Seed);
        var code = secret.ComputeCode(DateTimeOffset.FromUnixTimeSeconds(1111111109).AddMilliseconds(250));
        Assert.Equal(DateTimeOffset.FromUnixTimeSeconds(1111111080), code.ValidFrom);
        Assert.Equal(DateTimeOffset.FromUnixTimeSeconds(1111111110), code.ValidUntil);
        Assert.Equal(TimeSpan.FromSeconds(1), code.TimeRemaining);
        Assert.Equal(TimeSpan.FromSeconds(30), secret.ComputeCode(DateTimeOffset.FromUnixTimeSeconds(1111111110)).TimeRemaining);
        Assert.Equal(TimeSpan.FromSeconds(60), TotpSecret.FromKey(Sha1Seed, period: TimeSpan.FromSeconds(60)).ComputeCode(DateTimeOffset.FromUnixTimeSeconds(120)).TimeRemaining);
    }

    [Fact]
    public void An_otpauth_uri_gives_issuer_account_and_parameters()
    {
        var secret = TotpSecret.Parse("otpauth://totp/ACME%20Co:john.doe%40email.com?secret=HXDMVJECJJWSRB3HWIZR4IFUGFTMXBOZ&issuer=ACME%20Co&algorithm=SHA256&digits=7&period=60");
        Assert.Equal("ACME Co", secret.Issuer);
        Assert.Equal("john.doe@email.com", secret.AccountName);
        Assert.Equal(TotpAlgorithm.Sha256, secret.Algorithm);
        Assert.Equal(7, secret.Digits);
        Assert.Equal(TimeSpan.FromSeconds(60), secret.Period);
        Assert.Equal(7, secret.ComputeCode(DateTimeOffset.UtcNow).Code.Length);
    }

    [Fact]
    public void Defaults_apply_and_the_label_issuer_is_used_when_the_parameter_is_missing()
    {
        var secret = TotpSecret.Parse("otpauth://totp/GitHub:agent?secret=gezdgnbvgy3tqojqgezdgnbvgy3tqojq");
        Assert.Equal("GitHub", secret.Issuer);
        Assert.Equal("agent", secret.AccountName);
        Assert.Equal(TotpAlgorithm.Sha1, secret.Algorithm);
        Assert.Equal(6, secret.Digits);
        Assert.Equal(TimeSpan.FromSeconds(30), secret.Period);
        Assert.Equal("287082", secret.ComputeCode(DateTimeOffset.FromUnixTimeSeconds(59)).Code);
    }

    [Fact]
    public void A_bare_base32_secret_may_be_lower_case_spaced_and_padded()
    {
        var secret = TotpSecret.Parse(" gezd gnbv gy3t qojq gezd-gnbv gy3t qojq==== ", new TotpEnrollOptions { Digits = 8, Issuer = "Example" });
        Assert.Equal("94287082", secret.ComputeCode(DateTimeOffset.FromUnixTimeSeconds(59)).Code);
        Assert.Equal("Example", secret.Issuer);
    }

    [Theory]
    [InlineData("otpauth://hotp/Acme?secret=GEZDGNBVGY3TQOJQGEZDGNBVGY3TQOJQ&counter=1", "counter-based")]
    [InlineData("otpauth://totp/Acme?issuer=Acme", "no secret")]
    [InlineData("otpauth://totp/Acme?secret=not-base32!", "not base32")]
    [InlineData("otpauth://totp/Acme?secret=GEZDGNBVGY3TQOJQGEZDGNBVGY3TQOJQ&algorithm=MD5", "MD5")]
    [InlineData("otpauth://totp/Acme?secret=GEZDGNBVGY3TQOJQGEZDGNBVGY3TQOJQ&digits=9", "6, 7 or 8 digits")]
    [InlineData("otpauth://totp/Acme?secret=GEZDGNBVGY3TQOJQGEZDGNBVGY3TQOJQ&digits=5", "6, 7 or 8 digits")]
    [InlineData("otpauth://totp/Acme?secret=GEZDGNBVGY3TQOJQGEZDGNBVGY3TQOJQ&period=0", "period")]
    [InlineData("otpauth://totp/Acme?secret=GEZDGNBV", "5 bytes long")]
    [InlineData("https://example.com/2fa", "neither")]
    public void Invalid_input_is_refused_with_a_reason_and_never_echoes_the_secret(string input, string reason)
    {
        var error = Assert.Throws<ArgumentException>(() => TotpSecret.Parse(input));
        Assert.Contains(reason, error.Message, StringComparison.Ordinal);
        Assert.DoesNotContain("GEZDGNBV", error.Message, StringComparison.Ordinal);
        Assert.Equal("otpauthUriOrSecret", error.ParamName);
    }

    [Fact]
    public void Options_that_contradict_the_uri_are_refused()
    {
        var error = Assert.Throws<ArgumentException>(() => TotpSecret.Parse("otpauth://totp/Acme?secret=GEZDGNBVGY3TQOJQGEZDGNBVGY3TQOJQ&digits=8", new TotpEnrollOptions { Digits = 6 }));
        Assert.Contains("digits", error.Message, StringComparison.Ordinal);
    }

    [Fact]
    public void ToString_never_shows_the_key_or_the_code()
    {
        var secret = TotpSecret.Parse("otpauth://totp/Acme:me?secret=GEZDGNBVGY3TQOJQGEZDGNBVGY3TQOJQ");
        Assert.DoesNotContain("GEZDGNBV", secret.ToString(), StringComparison.Ordinal);
        var code = secret.ComputeCode(DateTimeOffset.FromUnixTimeSeconds(59));
        Assert.DoesNotContain(code.Code, code.ToString(), StringComparison.Ordinal);
    }

    [Fact]
    public void ToUri_round_trips_every_parameter()
    {
        var original = TotpSecret.FromKey(Sha512Seed, TotpAlgorithm.Sha512, 7, TimeSpan.FromSeconds(45), "Big Bank", "agent+1@in.ravi.app");
        var copy = TotpSecret.Parse(original.ToUri());
        Assert.Equal(("Big Bank", "agent+1@in.ravi.app", TotpAlgorithm.Sha512, 7, TimeSpan.FromSeconds(45)), (copy.Issuer, copy.AccountName, copy.Algorithm, copy.Digits, copy.Period));
        var at = DateTimeOffset.FromUnixTimeSeconds(1234567890);
        Assert.Equal(original.ComputeCode(at), copy.ComputeCode(at));
    }

    [Theory]
    [InlineData("GitHub", "GITHUB")]
    [InlineData("my bank (EU)", "MY_BANK_EU")]
    [InlineData("TOTP_GITHUB", "GITHUB")]
    [InlineData("totp_github", "GITHUB")]
    public void Names_are_normalized_to_vault_key_form(string name, string expected) => Assert.Equal(expected, TotpClient.NormalizeName(name));

    [Theory]
    [InlineData("   ")]
    [InlineData("---")]
    public void A_name_without_letters_or_digits_is_refused(string name) => Assert.Throws<ArgumentException>(() => TotpClient.NormalizeName(name));
}
