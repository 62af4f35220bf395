using System.Reflection;
using Ravi.Sdk.Crypto;
using Ravi.Sdk.Events;

namespace Ravi.Sdk.Tests.PublicSurface;

/// <summary>
/// The public names docs/architecture.md#public-names-that-are-fixed lists (docs, samples and outside checks call them): <see cref="SpecCode"/> is written as that
/// section writes them, so a rename or a changed signature stops this assembly compiling; the facts code cannot pin
/// (namespaces, sealed, the sub-client properties) are checked by reflection.
/// </summary>
public sealed class SpecNamesTests
{
    /// <summary>The sub-client properties those fixed names list on <see cref="RaviClient"/>.</summary>
    private static readonly string[] SubClients =
    [
        "Auth", "Identities", "EmailInbox", "EmailMessages", "Attachments", "SmsInbox", "SmsMessages", "Passwords", "Vault",
        "Encryption", "Phone", "Events", "Otp", "Subscription",
    ];

    [Fact]
    public void The_fixed_names_compile_as_the_spec_writes_them()
    {
        // Runs the code too, against a client that never sends (nothing is enumerated).
        using var client = new RaviClient(new RaviClientOptions
        {
            BaseAddress = new Uri("http://127.0.0.1:9/"),
            AccessToken = "t",
            IdentityUuid = "6f0c1a2b-3c4d-4e5f-8a9b-0c1d2e3f4a5b",
            UseCliConfiguration = false,
        });
        var (events, stream) = SpecCode(client);
        Assert.NotNull(events);
        Assert.NotNull(stream);
    }

    [Fact]
    public void The_fixed_types_live_where_the_spec_says()
    {
        Assert.Equal("Ravi.Sdk", typeof(RaviClient).Namespace);
        Assert.Equal("Ravi.Sdk", typeof(RaviClientOptions).Namespace);
        Assert.Equal("Ravi.Sdk.Events", typeof(RaviEvent).Namespace);
        Assert.Equal("Ravi.Sdk.Events", typeof(RaviEventStreamOptions).Namespace);
        Assert.Equal("Ravi.Sdk.Crypto", typeof(RaviKeyPair).Namespace);
        Assert.True(typeof(RaviClientOptions).IsSealed);
        Assert.True(typeof(RaviEventStreamOptions).IsSealed);
        Assert.True(typeof(RaviKeyPair).IsSealed);
        Assert.False(typeof(RaviClient).IsSealed, "RaviClient is a public class that can be mocked");
        Assert.False(typeof(RaviEvent).IsSealed, "typed events derive from RaviEvent");
        Assert.True(typeof(RaviClient).GetMethod(nameof(RaviClient.ForIdentity), [typeof(string)])!.IsVirtual);
        Assert.True(typeof(IDisposable).IsAssignableFrom(typeof(RaviClient)));
        Assert.True(typeof(IDisposable).IsAssignableFrom(typeof(RaviKeyPair)));
        Assert.True(typeof(RaviEvent).IsAssignableFrom(typeof(EmailReceived)));
        Assert.True(typeof(RaviEvent).IsAssignableFrom(typeof(SmsReceived)));
    }

    [Fact]
    public void Every_sub_client_the_spec_lists_is_a_public_property()
    {
        var properties = typeof(RaviClient).GetProperties(BindingFlags.Public | BindingFlags.Instance).Select(p => p.Name).ToHashSet();
        Assert.Subset(properties, SubClients.ToHashSet());
    }

    /// <summary>Every fixed member, used as docs/architecture.md#public-names-that-are-fixed writes it.</summary>
    private static (object Events, IAsyncEnumerable<RaviEvent> Stream) SpecCode(RaviClient client)
    {
        var options = new RaviClientOptions { BaseAddress = new Uri("https://ravi.test/"), AccessToken = null, RefreshToken = null, IdentityUuid = null };
        Uri baseAddress = options.BaseAddress;
        string? accessToken = options.AccessToken;
        string? refreshToken = options.RefreshToken;
        string? identityUuid = options.IdentityUuid;
        _ = (baseAddress, accessToken, refreshToken, identityUuid);

        Func<RaviClientOptions, RaviClient> owning = o => new RaviClient(o);
        Func<HttpClient, RaviClientOptions, RaviClient> borrowing = (h, o) => new RaviClient(h, o);
        Func<string, RaviClient> view = client.ForIdentity;
        _ = (owning, borrowing, view);

        object[] subClients =
        [
            client.Auth, client.Identities, client.EmailInbox, client.EmailMessages, client.Attachments, client.SmsInbox,
            client.SmsMessages, client.Passwords, client.Vault, client.Encryption, client.Phone, client.Events, client.Otp,
            client.Subscription,
        ];
        _ = subClients;

        IAsyncEnumerable<RaviEvent> stream = client.Events.StreamAsync(new RaviEventStreamOptions { LastEventId = null }, CancellationToken.None);
        IAsyncEnumerable<RaviEvent> defaults = client.Events.StreamAsync();
        _ = defaults;

        Func<RaviEvent, (string, string, string?)> fields = e => (e.EventType, e.Data, e.Id);
        _ = fields;

        RaviKeyPairMembers();
        return (client.Events, stream);
    }

    private static void RaviKeyPairMembers()
    {
        // Referenced, not called (deriving a key costs 64 MiB and ~0.3 s).
        FromPin fromPin = RaviKeyPair.FromPin;
        FromPrivateKey fromPrivateKey = RaviKeyPair.FromPrivateKey;
        EncryptField encryptField = RaviKeyPair.EncryptField;
        Func<RaviKeyPair, string, string> decryptField = (pair, value) => pair.DecryptField(value);
        PublicKeyOf publicKey = pair => pair.PublicKey;
        Action<RaviKeyPair> dispose = pair => pair.Dispose();
        _ = (fromPin, fromPrivateKey, encryptField, decryptField, publicKey, dispose);
    }

    private delegate RaviKeyPair FromPin(string pin, ReadOnlySpan<byte> salt);

    private delegate RaviKeyPair FromPrivateKey(ReadOnlySpan<byte> privateKey);

    private delegate string EncryptField(string plaintext, ReadOnlySpan<byte> publicKey);

    private delegate ReadOnlySpan<byte> PublicKeyOf(RaviKeyPair pair);
}
