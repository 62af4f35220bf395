using Ravi.Sdk.Models;
using Ravi.Sdk.Tests.Support;

namespace Ravi.Sdk.Tests.Resources;

/// <summary>
/// Invalid arguments throw the <see cref="ArgumentException"/> family naming the parameter, before any I/O: the mock
/// must see zero requests. All calls go through an identity view, so the identity check cannot mask them.
/// </summary>
public sealed class ValidationTests
{
    private const string Uuid = Samples.EntryUuid;
    private static readonly Type Null = typeof(ArgumentNullException);
    private static readonly Type Bad = typeof(ArgumentException);
    private static readonly Type Range = typeof(ArgumentOutOfRangeException);

    private static readonly Dictionary<string, ValidationCase> Cases = Build();

    public static TheoryData<string> CaseNames => [.. Cases.Keys];

    [Theory]
    [MemberData(nameof(CaseNames))]
    public async Task Invalid_argument_throws_naming_the_parameter_and_sends_nothing(string name)
    {
        var c = Cases[name];
        using var h = new WireHarness();

        var ex = await Record.ExceptionAsync(() => c.Call(h.Scoped));

        Assert.NotNull(ex);
        Assert.IsType(c.Exception, ex, exactMatch: true);
        Assert.Equal(c.ParamName, ((ArgumentException)ex).ParamName);
        Assert.Empty(h.Requests);
    }

    private static Dictionary<string, ValidationCase> Build()
    {
        var cases = new Dictionary<string, ValidationCase>(StringComparer.Ordinal);
        void Add(string name, Func<RaviClient, Task> call, Type exception, string param) => cases.Add(name, new(call, exception, param));
        static Task Sync(Action action)
        {
            action();
            return Task.CompletedTask;
        }

        using var stream = new MemoryStream([1, 2, 3]);

        // UUID-shaped ids: null, empty, whitespace, malformed, other GUID formats, path tricks.
        string?[] badUuids = ["", "   ", "not-a-uuid", "5a0e8c1f3b2d4e6a9f107c2b1d4e5f60", "{5a0e8c1f-3b2d-4e6a-9f10-7c2b1d4e5f60}", "5a0e8c1f-3b2d-4e6a-9f10-7c2b1d4e5f60/..", "../5a0e8c1f-3b2d-4e6a-9f10-7c2b1d4e5f60", " 5a0e8c1f-3b2d-4e6a-9f10-7c2b1d4e5f60"];
        foreach (var id in badUuids.Prepend(null))
        {
            var type = id is null ? Null : Bad;
            var shown = id is null ? "null" : $"'{id}'";
            Add($"ForIdentity({shown})", c => Sync(() => c.ForIdentity(id!)), type, "identityUuid");
            Add($"Identities.Get({shown})", c => c.Identities.GetAsync(id!), type, "identityUuid");
            Add($"Identities.Update({shown})", c => c.Identities.UpdateAsync(id!, "name"), type, "identityUuid");
            Add($"Identities.Delete({shown})", c => c.Identities.DeleteAsync(id!), type, "identityUuid");
            Add($"Passwords.Get({shown})", c => c.Passwords.GetAsync(id!), type, "entryUuid");
            Add($"Passwords.Update({shown})", c => c.Passwords.UpdateAsync(id!, new PasswordEntryRequest { Domain = "d" }), type, "entryUuid");
            Add($"Passwords.Delete({shown})", c => c.Passwords.DeleteAsync(id!), type, "entryUuid");
            Add($"Vault.Get({shown})", c => c.Vault.GetAsync(id!), type, "secretUuid");
            Add($"Vault.Delete({shown})", c => c.Vault.DeleteAsync(id!), type, "secretUuid");
        }

        // Opaque path ids: thread and conversation ids are escaped into one path segment; only what cannot be one is refused.
        foreach (var id in new string?[] { null, "", " \t", ".", ".." })
        {
            var type = id is null ? Null : Bad;
            var shown = id is null ? "null" : $"'{id}'";
            Add($"EmailInbox.GetThread({shown})", c => c.EmailInbox.GetThreadAsync(id!), type, "threadId");
            Add($"SmsInbox.GetConversation({shown})", c => c.SmsInbox.GetConversationAsync(id!), type, "conversationId");
        }

        // Numeric message ids must be positive.
        foreach (var id in new long[] { 0, -1, long.MinValue })
        {
            Add($"EmailMessages.Get({id})", c => c.EmailMessages.GetAsync(id), Range, "messageId");
            Add($"EmailMessages.Reply({id})", c => c.EmailMessages.ReplyAsync(id, new ReplyEmailRequest { Body = "x" }), Range, "messageId");
            Add($"EmailMessages.ReplyAll({id})", c => c.EmailMessages.ReplyAllAsync(id, new ReplyEmailRequest { Body = "x" }), Range, "messageId");
            Add($"SmsMessages.Get({id})", c => c.SmsMessages.GetAsync(id), Range, "messageId");
        }

        // Email recipients and bodies.
        Add("Compose(null)", c => c.EmailMessages.ComposeAsync(null!), Null, "email");
        foreach (var to in new[] { "", "  ", "bob", "bob@", "@example.com", "a@b.c,", "a@b.c, bob", "a b@c.d", ",a@b.c" })
        {
            Add($"Compose(To='{to}')", c => c.EmailMessages.ComposeAsync(new ComposeEmailRequest { To = to, Body = "x" }), Bad, "email.To");
        }

        Add("Compose(To=null)", c => c.EmailMessages.ComposeAsync(new ComposeEmailRequest { To = null!, Body = "x" }), Bad, "email.To");
        Add("Compose(Cc='nope')", c => c.EmailMessages.ComposeAsync(new ComposeEmailRequest { To = "a@b.c", Cc = "nope" }), Bad, "email.Cc");
        Add("Compose(Bcc='x@')", c => c.EmailMessages.ComposeAsync(new ComposeEmailRequest { To = "a@b.c", Bcc = "x@" }), Bad, "email.Bcc");
        Add("Compose(AttachmentUuids=['nope'])", c => c.EmailMessages.ComposeAsync(new ComposeEmailRequest { To = "a@b.c", AttachmentUuids = ["nope"] }), Bad, "email.AttachmentUuids");
        Add("Reply(null)", c => c.EmailMessages.ReplyAsync(1, null!), Null, "reply");
        Add("Reply(Body=null)", c => c.EmailMessages.ReplyAsync(1, new ReplyEmailRequest { Body = null! }), Null, "reply.Body");
        Add("ReplyAll(Cc='a@')", c => c.EmailMessages.ReplyAllAsync(1, new ReplyEmailRequest { Body = "x", Cc = "a@" }), Bad, "reply.Cc");
        Add("Reply(Bcc='@b')", c => c.EmailMessages.ReplyAsync(1, new ReplyEmailRequest { Body = "x", Bcc = "@b" }), Bad, "reply.Bcc");
        Add("Reply(AttachmentUuids=[''])", c => c.EmailMessages.ReplyAsync(1, new ReplyEmailRequest { Body = "x", AttachmentUuids = [""] }), Bad, "reply.AttachmentUuids");

        // Attachments: names, MIME types, sizes, upload targets, streams.
        Add("Presign(fileName=null)", c => c.Attachments.PresignAsync(null!, "application/pdf", 1), Null, "fileName");
        Add("Presign(fileName=' ')", c => c.Attachments.PresignAsync(" ", "application/pdf", 1), Bad, "fileName");
        Add("Presign(size=-1)", c => c.Attachments.PresignAsync("a.pdf", "application/pdf", -1), Range, "size");
        Add("Presign(contentType=null)", c => c.Attachments.PresignAsync("a.pdf", null!, 1), Null, "contentType");
        foreach (var type in new[] { "", "pdf", "application/", "not a type", "text/plain\r\nX-Injected: 1", "text/plain; charset=\"unterminated" })
        {
            Add($"Presign(contentType='{type.ReplaceLineEndings("\\n")}')", c => c.Attachments.PresignAsync("a.pdf", type, 1), Bad, "contentType");
            Add($"Upload(contentType='{type.ReplaceLineEndings("\\n")}')", c => c.Attachments.UploadAsync(Samples.Presigned, new MemoryStream([1]), type, 1), Bad, "contentType");
        }

        Add("Upload(upload=null)", c => c.Attachments.UploadAsync(null!, new MemoryStream([1]), "image/png", 1), Null, "upload");
        Add("Upload(content=null)", c => c.Attachments.UploadAsync(Samples.Presigned, null!, "image/png", 1), Null, "content");
        Add("Upload(size=-1)", c => c.Attachments.UploadAsync(Samples.Presigned, new MemoryStream([1]), "image/png", -1), Range, "size");
        foreach (var url in new[] { "", "/relative/path", "ftp://storage.test/x", "file:///etc/passwd" })
        {
            Add($"Upload(UploadUrl='{url}')", c => c.Attachments.UploadAsync(new PresignedUpload { Uuid = Samples.AttachmentUuid, UploadUrl = new Uri(url, UriKind.RelativeOrAbsolute) }, new MemoryStream([1]), "image/png", 1), Bad, "upload");
        }

        Add("UploadAsync(content=null)", c => c.Attachments.UploadAsync("a.png", "image/png", null!), Null, "content");
        Add("UploadAsync(non-seekable)", c => c.Attachments.UploadAsync("a.png", "image/png", new ChunkedStream([1, 2, 3])), Bad, "content");
        Add("UploadAsync(fileName='')", c => c.Attachments.UploadAsync("", "image/png", new MemoryStream([1])), Bad, "fileName");
        Add("UploadAsync(contentType='x')", c => c.Attachments.UploadAsync("a.png", "x", new MemoryStream([1])), Bad, "contentType");

        // Passwords.
        Add("Passwords.Create(null)", c => c.Passwords.CreateAsync(null!), Null, "entry");
        Add("Passwords.Create(Domain='')", c => c.Passwords.CreateAsync(new PasswordEntryRequest { Domain = "" }), Bad, "entry.Domain");
        Add("Passwords.Create(Domain=null)", c => c.Passwords.CreateAsync(new PasswordEntryRequest { Domain = null! }), Null, "entry.Domain");
        Add("Passwords.Update(entry=null)", c => c.Passwords.UpdateAsync(Uuid, null!), Null, "entry");
        foreach (var length in new[] { 0, -1, 1025, int.MaxValue })
        {
            Add($"GeneratePassword(Length={length})", c => c.Passwords.GeneratePasswordAsync(new GeneratePasswordOptions { Length = length }), Range, "options.Length");
        }

        Add("GeneratePassword(all classes disabled)", c => c.Passwords.GeneratePasswordAsync(new GeneratePasswordOptions { Uppercase = false, Lowercase = false, Digits = false, Special = false }), Bad, "options");

        // Vault.
        Add("Vault.Set(null)", c => c.Vault.SetAsync(null!), Null, "secret");
        Add("Vault.Set(Key='')", c => c.Vault.SetAsync(new VaultSecretRequest { Key = "", Value = "v" }), Bad, "secret.Key");
        Add("Vault.Set(Value=null)", c => c.Vault.SetAsync(new VaultSecretRequest { Key = "K", Value = null! }), Null, "secret.Value");
        Add("Vault.Set(key=' ', value)", c => c.Vault.SetAsync(" ", "v"), Bad, "key");
        Add("Vault.Set(key=null, value)", c => c.Vault.SetAsync(null!, "v"), Null, "key");
        Add("Vault.Set(key, value=null)", c => c.Vault.SetAsync("K", null!), Null, "value");
        Add("Vault.GetByKey('')", c => c.Vault.GetByKeyAsync(""), Bad, "key");
        Add("Vault.GetByKey(null)", c => c.Vault.GetByKeyAsync(null!), Null, "key");

        // Identities names.
        Add("Identities.Create(null)", c => c.Identities.CreateAsync(null!), Null, "name");
        Add("Identities.Create(' ')", c => c.Identities.CreateAsync(" "), Bad, "name");
        Add("Identities.Update(name='')", c => c.Identities.UpdateAsync(Uuid, ""), Bad, "name");

        // Auth.
        Add("Auth.PollDeviceToken('')", c => c.Auth.PollDeviceTokenAsync(""), Bad, "deviceCode");
        Add("Auth.PollDeviceToken(null)", c => c.Auth.PollDeviceTokenAsync(null!), Null, "deviceCode");
        Add("Auth.RefreshToken(' ')", c => c.Auth.RefreshTokenAsync(" "), Bad, "refreshToken");
        Add("Auth.Login(email='')", c => c.Auth.LoginAsync("", "pw"), Bad, "email");
        Add("Auth.Login(password='')", c => c.Auth.LoginAsync("a@b.c", ""), Bad, "password");
        Add("Auth.Login(password=null)", c => c.Auth.LoginAsync("a@b.c", null!), Null, "password");

        // Encryption.
        Add("Encryption.SaveMetadata(null)", c => c.Encryption.SaveMetadataAsync(null!), Null, "metadata");

        return cases;
    }
}
