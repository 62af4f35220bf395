using System.Text.Json;
using Ravi.Sdk.Events;
using Ravi.Sdk.Models;
using Ravi.Sdk.Testing;

namespace Ravi.Sdk.Tests.Models;

/// <summary>
/// Record equality compares collections by content (the choice documented in docs/models.md), and a model keeps its
/// own copy of a list it was given, so the caller changing that list later changes nothing.
/// </summary>
public sealed class ModelEqualityTests
{
    private static EmailMessage Message(params string[] attachmentUuids) => new()
    {
        Id = 1,
        Subject = "s",
        Direction = MessageDirection.Inbound,
        Attachments = [.. attachmentUuids.Select(u => new EmailAttachment { Uuid = u, FileName = u + ".pdf" })],
    };

    [Fact]
    public void Models_with_equal_collections_are_equal_and_hash_alike()
    {
        var a = Message("a1", "a2");
        var b = Message("a1", "a2");

        Assert.Equal(a, b);
        Assert.Equal(a.GetHashCode(), b.GetHashCode());
        Assert.NotEqual(a, Message("a1"));
        Assert.NotEqual(a, Message("a2", "a1")); // order matters
        Assert.Equal(new EmailThreadDetail { ThreadId = "t", Messages = [a] }, new EmailThreadDetail { ThreadId = "t", Messages = [b] });
        Assert.Equal(
            new SmsConversation { ConversationId = "c", Messages = [new() { Id = 1, Body = "x" }] },
            new SmsConversation { ConversationId = "c", Messages = [new() { Id = 1, Body = "x" }] });
        Assert.Equal(new ComposeEmailRequest { To = "a@b.c", AttachmentUuids = ["u1"] }, new ComposeEmailRequest { To = "a@b.c", AttachmentUuids = ["u1"] });
        Assert.Equal(new ReplyEmailRequest { Body = "b", AttachmentUuids = ["u1"] }, new ReplyEmailRequest { Body = "b", AttachmentUuids = ["u1"] });
    }

    [Fact]
    public void A_model_keeps_its_own_copy_of_a_list()
    {
        var uuids = new List<string> { "u1" };
        var request = new ComposeEmailRequest { To = "a@b.c", AttachmentUuids = uuids };

        uuids.Add("u2");

        Assert.Equal(["u1"], request.AttachmentUuids);
        Assert.False(request.AttachmentUuids is ICollection<string>, "no mutable view of the list"); // read-only: no Add to cast to
    }

    [Fact]
    public void Unknown_subscription_fields_compare_by_json_content()
    {
        using var one = JsonDocument.Parse("""{"seats":3,"features":["sms","email"]}""");
        using var two = JsonDocument.Parse("""{ "features": [ "sms", "email" ], "seats": 3 }""");

        var a = new Subscription { Plan = "pro", AdditionalProperties = one.RootElement.EnumerateObject().ToDictionary(p => p.Name, p => p.Value.Clone()) };
        var b = new Subscription { Plan = "pro", AdditionalProperties = two.RootElement.EnumerateObject().ToDictionary(p => p.Name, p => p.Value.Clone()) };

        Assert.Equal(a, b);
        Assert.Equal(a.GetHashCode(), b.GetHashCode());
        Assert.NotEqual(a, b with { AdditionalProperties = new Dictionary<string, JsonElement> { ["seats"] = JsonDocument.Parse("4").RootElement } });
        Assert.Empty(new Subscription().AdditionalProperties);
    }

    [Fact]
    public void Test_server_records_compare_collections_and_bytes_by_content()
    {
        var sent = new RaviSentEmail
        {
            MessageId = 1, IdentityUuid = "i", Kind = RaviSendKind.Compose, ThreadId = "t", From = "a@b.c", To = "d@e.f",
            AttachmentUuids = ["u1"], SentAt = DateTimeOffset.UnixEpoch,
        };
        Assert.Equal(sent, sent with { AttachmentUuids = new List<string> { "u1" } });
        Assert.NotEqual(sent, sent with { AttachmentUuids = ["u2"] });

        var upload = new RaviUploadedAttachment
        {
            Uuid = "u", IdentityUuid = "i", FileName = "a.txt", ContentType = "text/plain", Content = new byte[] { 1, 2, 3 }, UploadedAt = DateTimeOffset.UnixEpoch,
        };
        Assert.Equal(upload, upload with { Content = new byte[] { 1, 2, 3 } });
        Assert.Equal(upload.GetHashCode(), (upload with { Content = new byte[] { 1, 2, 3 } }).GetHashCode());
        Assert.NotEqual(upload, upload with { Content = new byte[] { 1, 2, 4 } });
    }

    [Fact]
    public void Event_types_are_built_with_object_initializers()
    {
        var sms = new SmsReceived { ConversationId = "c1", FromNumber = "+15550100", Preview = "Your code", Data = "{}", Id = "7" };
        var email = new EmailReceived { ThreadId = "t1", Data = "{}" };
        var raw = new RaviRawEvent("custom") { Data = "x" };

        Assert.Equal((RaviEventTypes.Sms, "c1", "7"), (sms.EventType, sms.ConversationId, sms.Id));
        Assert.Equal((RaviEventTypes.Email, "t1", (string?)null), (email.EventType, email.ThreadId, email.Id));
        Assert.Equal(("custom", "x"), (raw.EventType, raw.Data));
        Assert.Equal(string.Empty, new EmailReceived { ThreadId = "t" }.Data);
        Assert.Throws<ArgumentNullException>(() => new SmsReceived { ConversationId = null! });
        Assert.Throws<ArgumentNullException>(() => new EmailReceived { ThreadId = "t", Data = null! });
        Assert.Throws<ArgumentNullException>(() => new RaviEvent("message", null!, null));
    }
}
