using System.Text;
using Ravi.Sdk.Events;

namespace Ravi.Sdk.Tests.Events;

/// <summary><see cref="RaviEventFactory"/>: typed events straight from the parser's UTF-8 type and data.</summary>
public sealed class RaviEventFactoryTests
{
    [Fact]
    public void EmailFromUtf8()
    {
        var data = "{\"thread_id\":\"t-1\",\"from_email\":\"a@example.com\",\"subject\":\"Code\",\"preview\":\"Your code is 123456 – ok\"}";
        var e = Assert.IsType<EmailReceived>(RaviEventFactory.Create("email"u8, Encoding.UTF8.GetBytes(data), "7"));
        Assert.Same(RaviEventTypes.Email, e.EventType);
        Assert.Equal((data, "7", "t-1", "a@example.com", "Code", "Your code is 123456 – ok"), (e.Data, e.Id, e.ThreadId, e.FromEmail, e.Subject, e.Preview));
    }

    [Fact]
    public void SmsFromUtf8WithNumericConversationId()
    {
        var data = "{\"conversation_id\":42,\"from_number\":\"+15551234567\",\"preview\":\"code 654321\"}";
        var e = Assert.IsType<SmsReceived>(RaviEventFactory.Create("sms"u8, Encoding.UTF8.GetBytes(data), null));
        Assert.Same(RaviEventTypes.Sms, e.EventType);
        Assert.Equal((data, (string?)null, "42", "+15551234567", "code 654321"), (e.Data, e.Id, e.ConversationId, e.FromNumber, e.Preview));
    }

    [Theory]
    [InlineData("email", "not json")]
    [InlineData("email", "")]
    [InlineData("email", "{\"subject\":\"no thread\"}")]
    [InlineData("sms", "null")]
    [InlineData("sms", "{\"conversation_id\":\"\"}")]
    public void KnownTypeWithUnusableDataIsRaw(string type, string data)
    {
        var e = Assert.IsType<RaviRawEvent>(RaviEventFactory.Create(Encoding.UTF8.GetBytes(type), Encoding.UTF8.GetBytes(data), "1"));
        Assert.Equal((type, data, "1"), (e.EventType, e.Data, e.Id));
    }

    [Fact]
    public void InvalidUtf8IsReadAsItsDecodedString()
    {
        // A lone 0xFF in a preview: the byte reader would reject it, the decoded string holds U+FFFD and still parses.
        byte[] data = [.. "{\"conversation_id\":\"c1\",\"preview\":\"a"u8, 0xFF, .. "b\"}"u8];
        var e = Assert.IsType<SmsReceived>(RaviEventFactory.Create("sms"u8, data, null));
        Assert.Equal("a\uFFFDb", e.Preview);
        Assert.Equal(Encoding.UTF8.GetString(data), e.Data);
    }

    [Fact]
    public void OtherTypesAreRaw()
    {
        Assert.Same(RaviEventTypes.Message, RaviEventFactory.Create("message"u8, "x"u8, null).EventType);
        var custom = Assert.IsType<RaviRawEvent>(RaviEventFactory.Create("Email"u8, "{\"thread_id\":\"t\"}"u8, null));
        Assert.Equal("Email", custom.EventType); // types are case-sensitive
    }
}
