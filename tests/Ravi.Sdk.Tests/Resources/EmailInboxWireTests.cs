using Ravi.Sdk.Tests.Support;

namespace Ravi.Sdk.Tests.Resources;

/// <summary><c>/api/email-inbox/</c>: identity-scoped.</summary>
public sealed class EmailInboxWireTests
{
    [Fact]
    public async Task ListThreads_gets_inbox_with_identity_and_parses_every_field()
    {
        using var h = new WireHarness();
        h.ExpectJson(HttpMethod.Get, "api/email-inbox/", $"[{Samples.ThreadJson()},{Samples.ThreadJson("thread-2", 0)}]");

        var threads = await h.Scoped.EmailInbox.ListThreadsAsync().ToListAsync();

        RequestAssert.Api(h.SingleRequest(), HttpMethod.Get, "api/email-inbox/", identity: true);
        ModelAssert.Sequence([Samples.Thread(), Samples.Thread("thread-2", 0)], threads);
    }

    [Fact]
    public async Task ListThreads_unread_only_adds_unread_true_and_has_unread_true()
    {
        using var h = new WireHarness();
        h.ExpectJson(HttpMethod.Get, "api/email-inbox/?unread=true&has_unread=true", $"[{Samples.ThreadJson()}]");

        var threads = await h.Scoped.EmailInbox.ListThreadsAsync(unreadOnly: true).ToListAsync();

        RequestAssert.Api(h.SingleRequest(), HttpMethod.Get, "api/email-inbox/?unread=true&has_unread=true", identity: true);
        ModelAssert.Sequence([Samples.Thread()], threads);
    }

    [Fact]
    public async Task GetThread_gets_thread_with_messages_and_attachments()
    {
        using var h = new WireHarness();
        h.ExpectJson(HttpMethod.Get, "api/email-inbox/thread-abc123/", Samples.ThreadDetailJson);

        var thread = await h.Scoped.EmailInbox.GetThreadAsync("thread-abc123");

        RequestAssert.Api(h.SingleRequest(), HttpMethod.Get, "api/email-inbox/thread-abc123/", identity: true);
        ModelAssert.Equivalent(Samples.ThreadDetail, thread);
    }

    [Theory]
    [InlineData("<CAF=x@mail.gmail.com>", "%3CCAF%3Dx%40mail.gmail.com%3E")]
    [InlineData("a b+c?d#e", "a%20b%2Bc%3Fd%23e")]
    [InlineData("caf\u00e9", "caf%C3%A9")]
    public async Task GetThread_escapes_the_thread_id_as_one_path_segment(string threadId, string escaped)
    {
        using var h = new WireHarness();
        h.ExpectJson(HttpMethod.Get, $"api/email-inbox/{escaped}/", Samples.ThreadDetailJson);

        await h.Scoped.EmailInbox.GetThreadAsync(threadId);

        RequestAssert.Api(h.SingleRequest(), HttpMethod.Get, $"api/email-inbox/{escaped}/", identity: true);
    }
}
