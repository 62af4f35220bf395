using System.Net;
using Ravi.Sdk.Models;
using Ravi.Sdk.Tests.Support;
using RichardSzalay.MockHttp;

namespace Ravi.Sdk.Tests.Resources;

/// <summary>
/// <c>/api/passwords/</c>: identity-scoped. Reads: plaintext passes through; an <c>e2e::</c> value on a locked client is
/// null and flagged in <see cref="PasswordEntry.EncryptedFields"/>. Writes are exercised with null/empty secret fields
/// only (how non-empty secrets are written while locked belongs to the crypto layer).
/// </summary>
public sealed class PasswordsWireTests
{
    private const string Path = "api/passwords/";
    private const string ItemPath = Path + Samples.EntryUuid + "/";

    [Fact]
    public async Task List_parses_plaintext_and_flags_encrypted_fields_as_null()
    {
        using var h = new WireHarness();
        const string other = "2d3e4f50-6172-4384-95a6-b7c8d9e0f1a2";
        h.ExpectJson(HttpMethod.Get, Path,
            $"[{Samples.PasswordJson()},{Samples.PasswordJson(other, $"\"{Samples.Cipher}\"", $"\"{Samples.Cipher}\"", "null")}]");

        var entries = await h.Scoped.Passwords.ListAsync().ToListAsync();

        RequestAssert.Api(h.SingleRequest(), HttpMethod.Get, Path, identity: true);
        ModelAssert.Sequence(
            [
                Samples.Password(),
                Samples.Password(other, null, null, null, EncryptedFields.Username | EncryptedFields.Password),
            ],
            entries);
    }

    [Fact]
    public async Task Get_flags_every_encrypted_field_and_keeps_plaintext_ones()
    {
        using var h = new WireHarness();
        h.ExpectJson(HttpMethod.Get, ItemPath, Samples.PasswordJson(username: "\"plain-user\"", password: $"\"{Samples.Cipher}\"", notes: $"\"{Samples.Cipher}\""));

        var entry = await h.Scoped.Passwords.GetAsync(Samples.EntryUuid);

        RequestAssert.Api(h.SingleRequest(), HttpMethod.Get, ItemPath, identity: true);
        ModelAssert.Equivalent(Samples.Password(username: "plain-user", password: null, notes: null, encrypted: EncryptedFields.Password | EncryptedFields.Notes), entry);
        Assert.DoesNotContain("e2e::", entry.ToString(), StringComparison.Ordinal);
    }

    [Fact]
    public async Task Get_plaintext_entry_has_no_encrypted_flags()
    {
        using var h = new WireHarness();
        h.ExpectJson(HttpMethod.Get, ItemPath, Samples.PasswordJson());

        var entry = await h.Scoped.Passwords.GetAsync(Samples.EntryUuid);

        RequestAssert.Api(h.SingleRequest(), HttpMethod.Get, ItemPath, identity: true);
        ModelAssert.Equivalent(Samples.Password(), entry);
    }

    [Fact]
    public async Task Create_posts_domain_and_omits_null_secret_fields()
    {
        using var h = new WireHarness();
        h.ExpectJson(HttpMethod.Post, Path, Samples.PasswordJson(username: "null", password: "null", notes: "null"), HttpStatusCode.Created);

        var entry = await h.Scoped.Passwords.CreateAsync(new PasswordEntryRequest { Domain = "example.com" });

        RequestAssert.Api(h.SingleRequest(), HttpMethod.Post, Path, identity: true, json: """{"domain":"example.com"}""");
        ModelAssert.Equivalent(Samples.Password(username: null, password: null, notes: null), entry);
    }

    [Fact]
    public async Task Create_sends_empty_secret_fields_as_empty_strings()
    {
        using var h = new WireHarness();
        h.ExpectJson(HttpMethod.Post, Path, Samples.PasswordJson(username: "\"\"", password: "\"\"", notes: "\"\""), HttpStatusCode.Created);

        var entry = await h.Scoped.Passwords.CreateAsync(new PasswordEntryRequest { Domain = "example.com", Username = "", Password = "", Notes = "" });

        RequestAssert.Api(h.SingleRequest(), HttpMethod.Post, Path, identity: true,
            json: """{"domain":"example.com","username":"","password":"","notes":""}""");
        ModelAssert.Equivalent(Samples.Password(username: "", password: "", notes: ""), entry);
    }

    [Fact]
    public async Task Update_puts_to_entry_uuid()
    {
        using var h = new WireHarness();
        h.ExpectJson(HttpMethod.Put, ItemPath, Samples.PasswordJson());

        var entry = await h.Scoped.Passwords.UpdateAsync(Samples.EntryUuid, new PasswordEntryRequest { Domain = "example.org" });

        RequestAssert.Api(h.SingleRequest(), HttpMethod.Put, ItemPath, identity: true, json: """{"domain":"example.org"}""");
        ModelAssert.Equivalent(Samples.Password(), entry);
    }

    [Fact]
    public async Task Delete_sends_delete()
    {
        using var h = new WireHarness();
        h.Expect(HttpMethod.Delete, ItemPath).Respond(HttpStatusCode.NoContent);

        await h.Scoped.Passwords.DeleteAsync(Samples.EntryUuid);

        RequestAssert.Api(h.SingleRequest(), HttpMethod.Delete, ItemPath, identity: true);
    }

    private static readonly Dictionary<string, (GeneratePasswordOptions? Options, string Query)> GenerateCases = new()
    {
        ["defaults"] = (null, ""),
        ["empty options"] = (new GeneratePasswordOptions(), ""),
        ["length"] = (new GeneratePasswordOptions { Length = 24 }, "?length=24"),
        ["uppercase off"] = (new GeneratePasswordOptions { Uppercase = false }, "?uppercase=false"),
        ["lowercase on"] = (new GeneratePasswordOptions { Lowercase = true }, "?lowercase=true"),
        ["digits off"] = (new GeneratePasswordOptions { Digits = false }, "?digits=false"),
        ["special on"] = (new GeneratePasswordOptions { Special = true }, "?special=true"),
        ["exclude chars escaped"] = (new GeneratePasswordOptions { ExcludeChars = "&=+ /?#%l1O0" }, "?exclude_chars=%26%3D%2B%20%2F%3F%23%25l1O0"),
        ["everything"] = (
            new GeneratePasswordOptions { Length = 1024, Uppercase = true, Lowercase = false, Digits = true, Special = false, ExcludeChars = "il" },
            "?length=1024&uppercase=true&lowercase=false&digits=true&special=false&exclude_chars=il"),
    };

    public static TheoryData<string> GenerateCaseNames => [.. GenerateCases.Keys];

    [Theory]
    [MemberData(nameof(GenerateCaseNames))]
    public async Task GeneratePassword_puts_each_option_in_the_query(string name)
    {
        var (options, query) = GenerateCases[name];
        using var h = new WireHarness();
        h.ExpectJson(HttpMethod.Get, Path + "generate_password/" + query, """{"password":"Xy7!pQ2#"}""");

        var password = await h.Scoped.Passwords.GeneratePasswordAsync(options);

        RequestAssert.Api(h.SingleRequest(), HttpMethod.Get, Path + "generate_password/" + query, identity: true);
        Assert.Equal("Xy7!pQ2#", password);
    }
}
