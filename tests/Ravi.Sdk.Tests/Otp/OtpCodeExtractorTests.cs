using Ravi.Sdk.Otp;

namespace Ravi.Sdk.Tests.Otp;

public sealed class OtpCodeExtractorTests
{
    public static TheoryData<string, string> WithCode => new()
    {
        { "Your verification code is 847291", "847291" },
        { "847291 is your Acme verification code.", "847291" },
        { "G-482913 is your Google verification code.", "482913" },
        { "Your code: 123-456", "123456" },
        { "Your Lyft code is 4821 5530", "48215530" },
        { "Use 4821 to verify your phone. Expires in 10 minutes.", "4821" },
        { "Your OTP for transaction of Rs. 2,500.00 at AMAZON is 739201. Valid for 5 mins.", "739201" },
        { "[Acme] 556677 is your login code. Don't share it. If you didn't request this, call 1-800-555-0199.", "556677" },
        { "Your Uber code: 1234. Never share this code. Reply STOP ALL to 89203 to unsubscribe.", "1234" },
        { "Hi Sam,\n\nUse the following one-time passcode to sign in:\n\n    902 114\n\nThis code expires at 10:45 AM.\n\n© 2025 Example Corp, 123 Main St", "902114" },
        { "Your Microsoft account security code is 4455. Account ending 8821.", "4455" },
        { "Your PIN is 2580", "2580" },
        { "Código de verificación: 492817", "492817" },
        { "2FA code 12345678", "12345678" },
        { "Your one-time password is 55512", "55512" },
        { "Welcome! Your activation code is 2024", "2024" },
        { "Your verification code is 381920. Order #12345678 confirmed on 12/05/2024 for $49.99.", "381920" },
        { "482913", "482913" },
        { "Enter 7392 in the app to continue", "7392" },
        { "Your code is 1234 and your order number is 5678", "1234" },
        { "Amazon: Your one-time password (OTP) is 284719. Do not share it with anyone.", "284719" },
        { "Verification code: 5821 (valid for 15 min). Ref 99812345", "5821" },
        { "Your Ravi login code is 004821", "004821" },
        { "Confirm your email\n\nThanks for signing up! Your confirmation code is:\n\n918273\n\nIt expires in 30 minutes.", "918273" },
        { "Your WhatsApp code: 123-456\nYou can also tap on this link to verify your phone: v.whatsapp.com/123456\nDon't share this code with others", "123456" },
        { "Sign-in attempt from +1 (555) 123-4567 on 03/14/2025. Your security code is 663390.", "663390" },
        { "Your total is $1,299.00. Your payment confirmation code is 7731.", "7731" },
        { "Visit https://example.com/account/90210 for details. Your code is 441122.", "441122" },
        { "Hello! 311402 — use this code to log in to Example. It expires in 10 min.", "311402" },
        { "Security code 8 April 2025: 660142", "660142" },
        { "Your code is 123456. Call +1 555 123 4567 if this wasn't you.", "123456" },
        { "Your verification code is 123456\n\nAcme Inc, 1600 Amphitheatre Pkwy, Mountain View, CA 94043", "123456" },
        { "Code 5678 expires at 1430 hrs", "5678" },
    };

    public static TheoryData<string> WithoutCode => new()
    {
        "Your order #12345678 has shipped and will arrive Tuesday.",
        "Call us at (555) 123-4567 for help.",
        "Your balance is $1234.56.",
        "Meeting moved to 10:30 on 2024-05-01.",
        "© 2024 Acme Inc. All rights reserved.",
        "Thanks for being a customer since 2019!",
        "Reply STOP to 55555 to unsubscribe.",
        "Invoice INV-20240042 is due on March 3.",
        "Visit https://example.com/verify/123456 to continue",
        "Questions? Write to 12345678@example.com",
        "You earned 2500 points this month!",
        "Your flight UA 1234 departs at 10:45 from gate B12.",
        "Security alert: new sign-in from Chrome on 03/14/2025 at 14:02. If this was you, no action is needed.",
        "Your appointment is confirmed for May 12, 2025.",
        "Save 20% today! Use promo SAVE2024 at checkout.",
        "Your package 1Z999AA10123456784 is out for delivery.",
        "Call 555-123-4567 now to claim your prize",
        "Your order total is 1,299.00 USD",
        "You have 1 new voicemail from +1 (555) 123-4567.",
        "Use promo code 2024 for 20% off your next order",
        "Your card ending in 4242 was charged.",
        "",
        "No digits here at all, just a verification reminder.",
    };

    [Fact]
    public void TheCorpusIsLargeEnough() => Assert.True(WithCode.Count + WithoutCode.Count >= 30);

    [Theory]
    [MemberData(nameof(WithCode))]
    public void FindsTheCode(string text, string expected) => Assert.Equal(expected, OtpCodeExtractor.Extract(text));

    [Theory]
    [MemberData(nameof(WithoutCode))]
    public void FindsNoCode(string text) => Assert.Null(OtpCodeExtractor.Extract(text));

    [Fact]
    public void ReadsCodesOutOfHtmlBodies()
    {
        var text = HtmlText.ToText("<html><head><style>.x{color:red}</style></head><body><p>Your security code is</p><p><strong>667788</strong></p><p>&copy; 2025 Example&nbsp;Inc.</p></body></html>");
        Assert.Equal("667788", OtpCodeExtractor.Extract(text));
        Assert.DoesNotContain("color", text);
    }
}
