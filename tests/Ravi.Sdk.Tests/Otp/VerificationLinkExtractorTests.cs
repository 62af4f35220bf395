using Ravi.Sdk.Otp;

namespace Ravi.Sdk.Tests.Otp;

public sealed class VerificationLinkExtractorTests
{
    private const string Html = """
        <html><body>
          <a href="https://example.com"><img src="https://cdn.example.com/logo.png"></a>
          <p>Welcome! Please confirm your email address.</p>
          <a class="btn" href="https://app.example.com/auth/confirm?token=abc123&amp;uid=42&amp;next=%2Fhome">Confirm email</a>
          <p>Or read our <a href='https://example.com/privacy'>privacy policy</a>.</p>
          <a href="https://example.com/unsubscribe?u=42&amp;verify=1">Unsubscribe</a>
        </body></html>
        """;

    [Fact]
    public void PicksTheConfirmLinkAndDecodesEntities()
    {
        var link = VerificationLinkExtractor.Extract(Html, null);
        Assert.NotNull(link);
        Assert.Equal("https://app.example.com/auth/confirm?token=abc123&uid=42&next=%2Fhome", link.Value.Url.OriginalString);
        Assert.Equal("Confirm email", link.Value.Text);
    }

    [Fact]
    public void FindsMagicLinksInPlainText()
    {
        var text = "Hi,\n\nClick the link below to sign in:\nhttps://ravi.example/magic/Zx81-kk?c=9.\n\nNot you? Visit https://ravi.example/help";
        var link = VerificationLinkExtractor.Extract(null, text);
        Assert.Equal("https://ravi.example/magic/Zx81-kk?c=9", link?.Url.OriginalString);
    }

    [Fact]
    public void UsesTheTextBeforeABareUrl()
    {
        var text = "To activate your account open this page: https://x.example/a/b7Kp2\nThanks, the team";
        Assert.Equal("https://x.example/a/b7Kp2", VerificationLinkExtractor.Extract(null, text)?.Url.OriginalString);
    }

    [Fact]
    public void ReturnsNothingForNewsletters()
    {
        var html = """<p>Our spring sale is on!</p><a href="https://shop.example/sale">Shop now</a> <a href="https://shop.example/unsubscribe">Unsubscribe</a> <a href="https://twitter.com/shop">Twitter</a>""";
        Assert.Null(VerificationLinkExtractor.Extract(html, "Our spring sale is on! https://shop.example/sale"));
    }

    [Fact]
    public void AFilterSelectsAmongAnyLinks()
    {
        var html = """<a href="https://shop.example/sale">Shop now</a> <a href="https://shop.example/go/xyz">Open</a>""";
        var link = VerificationLinkExtractor.Extract(html, null, u => u.AbsolutePath.StartsWith("/go/", StringComparison.Ordinal));
        Assert.Equal("https://shop.example/go/xyz", link?.Url.OriginalString);
    }

    [Fact]
    public void IgnoresNonHttpLinks()
    {
        var html = """<a href="mailto:verify@example.com">verify</a> <a href="javascript:verify()">verify</a>""";
        Assert.Null(VerificationLinkExtractor.Extract(html, null));
    }
}
