using System.Text.Json.Nodes;
using Ravi.Sdk.IntegrationTests.Sdk.Support;

namespace Ravi.Sdk.IntegrationTests.Sdk;

/// <summary>
/// <see cref="RaviClientOptions.StoreKeysForCli"/>: after an SDK-only login and a PIN unlock, the CLI's key fields are in
/// auth.json in the CLI's format (so the CLI can decrypt), and only when asked for.
/// </summary>
public sealed class CliKeyStorageTests : SdkTestBase, IDisposable
{
    private const string Pin = "864209";
    private readonly string _dir = Directory.CreateTempSubdirectory("ravi-cli-keys-").FullName;

    public void Dispose() => Directory.Delete(_dir, recursive: true);

    private string AuthJson => Path.Combine(_dir, "auth.json");

    private RaviClient CliClient(bool storeKeys) => CreateClient(o =>
    {
        o.AccessToken = null;
        o.RefreshToken = null;
        o.UseCliConfiguration = true;
        o.ConfigDirectory = _dir;
        o.IdentityUuid = IdentityUuid;
        o.StoreKeysForCli = storeKeys;
    });

    [Fact]
    public async Task With_the_opt_in_an_unlock_stores_the_keys_in_the_cli_format_and_a_pinless_client_can_decrypt()
    {
        var sdk = CliClient(storeKeys: true);
        await sdk.Auth.LoginAsync(Server.Options.UserEmail, Server.Options.UserPassword);
        var metadata = await sdk.Encryption.SetupAsync(Pin);
        var secret = await sdk.Vault.SetAsync("TOKEN", "sealed-by-the-sdk");

        var file = JsonNode.Parse(File.ReadAllText(AuthJson))!;
        Assert.Equal(metadata.Salt, (string?)file["pin_salt"]);
        Assert.Equal(metadata.PublicKey, (string?)file["public_key"]);
        var privateKey = Convert.FromBase64String((string)file["private_key"]!);
        Assert.Equal(32, privateKey.Length);
        Assert.Equal(0, privateKey[0] & 7);        // clamped, as the CLI stores it
        Assert.Equal(64, privateKey[31] & 0xC0);
        Assert.Equal(Server.Options.UserEmail, (string?)file["user_email"]);
        Assert.NotNull((string?)file["access_token"]);
        if (!OperatingSystem.IsWindows())
        {
            Assert.Equal(UnixFileMode.UserRead | UnixFileMode.UserWrite, File.GetUnixFileMode(AuthJson));
        }

        var cliLike = CliClient(storeKeys: false);
        Assert.True(await cliLike.Encryption.TryUnlockFromCliAsync());
        Assert.Equal("sealed-by-the-sdk", (await cliLike.Vault.GetAsync(secret.Uuid)).Value);
    }

    [Fact]
    public async Task A_later_pin_unlock_stores_them_too_and_without_the_opt_in_nothing_is_stored()
    {
        var setup = CreateClient();
        await setup.Encryption.SetupAsync(Pin);

        var plain = CliClient(storeKeys: false);
        await plain.Auth.LoginAsync(Server.Options.UserEmail, Server.Options.UserPassword);
        await plain.Encryption.UnlockAsync(Pin);
        var file = JsonNode.Parse(File.ReadAllText(AuthJson))!;
        Assert.Null(file["private_key"]);
        Assert.Null(file["public_key"]);
        Assert.Null(file["pin_salt"]);

        var opted = CliClient(storeKeys: true);
        await opted.Encryption.UnlockAsync(Pin);
        file = JsonNode.Parse(File.ReadAllText(AuthJson))!;
        Assert.NotNull((string?)file["private_key"]);
        Assert.Equal((await opted.Encryption.GetMetadataAsync()).PublicKey, (string?)file["public_key"]);
    }
}
