using System.Text.Json.Nodes;
using Ravi.Sdk.Testing;

namespace Ravi.Sdk.IntegrationTests.Server;

public sealed class EncryptionTests : ServerTestBase
{
    internal static JsonObject Metadata(byte fill = 1) => new()
    {
        ["salt"] = Convert.ToBase64String(new byte[16]),
        ["public_key"] = Convert.ToBase64String(Enumerable.Repeat(fill, 32).ToArray()),
        ["verifier"] = Convert.ToBase64String(new byte[63]),
    };

    [Fact]
    public async Task Setup_is_404_then_created_then_409_then_patched()
    {
        Assert.Equal("not_found", (await Api.GetAsync("api/encryption/")).Expect(404).ErrorCode);

        var created = (await Api.PostAsync("api/encryption/", Metadata())).Expect(201).Object;
        Assert.True(created["id"]!.GetValue<long>() > 0);
        Assert.Equal(Metadata()["public_key"]!.GetValue<string>(), (await Api.GetAsync("api/encryption/")).Expect(200).Str("public_key"));

        Assert.Equal("conflict", (await Api.PostAsync("api/encryption/", Metadata(2))).Expect(409).ErrorCode);
        var patched = (await Api.PatchAsync("api/encryption/", new JsonObject { ["public_key"] = Metadata(3)["public_key"]!.GetValue<string>() }))
            .Expect(200).Object;
        Assert.Equal(Metadata(3)["public_key"]!.GetValue<string>(), patched["public_key"]!.GetValue<string>());
        Assert.Equal(Metadata()["salt"]!.GetValue<string>(), patched["salt"]!.GetValue<string>());
    }

    [Theory]
    [InlineData("salt", "AAAA")]
    [InlineData("salt", "not base64!")]
    [InlineData("public_key", "00112233445566778899aabbccddeeff00112233445566778899aabbccddeeff")]
    [InlineData("verifier", "AAAA")]
    public async Task Malformed_metadata_is_a_field_error(string field, string value)
    {
        var body = Metadata();
        body[field] = value;
        var response = (await Api.PostAsync("api/encryption/", body)).Expect(400);
        Assert.True(response.Object.ContainsKey(field), response.Text);
        (await Api.GetAsync("api/encryption/")).Expect(404);
    }

    [Fact]
    public async Task Metadata_set_by_hook_is_returned_verbatim()
    {
        Server.SetEncryption("AAECAwQFBgcICQoLDA0ODw==", "dmVyaWZpZXI=", "qa2+4C19IyUrHHcnQBi4K0o3NtlOYPca7yReSLCBBH8=");
        var body = (await Api.GetAsync("api/encryption/")).Expect(200).Object;
        Assert.Equal("AAECAwQFBgcICQoLDA0ODw==", body["salt"]!.GetValue<string>());
        Assert.Equal("dmVyaWZpZXI=", body["verifier"]!.GetValue<string>());
    }
}

public sealed class EncryptionPostNotAllowedTests : ServerTestBase
{
    protected override RaviTestServerOptions CreateOptions() => new() { EncryptionPostNotAllowed = true };

    [Fact]
    public async Task Post_answers_405_and_patch_creates()
    {
        var post = (await Api.PostAsync("api/encryption/", EncryptionTests.Metadata())).Expect(405);
        Assert.Equal("method_not_allowed", post.ErrorCode);
        Assert.Contains("PATCH", post.ContentHeaders.Allow);

        (await Api.PatchAsync("api/encryption/", new JsonObject { ["salt"] = Convert.ToBase64String(new byte[16]) })).Expect(400);
        (await Api.PatchAsync("api/encryption/", EncryptionTests.Metadata())).Expect(201);
        (await Api.GetAsync("api/encryption/")).Expect(200);
    }
}
