using System.Reflection;
using System.Runtime.Loader;

namespace Ravi.Sdk.Tests.Crypto;

/// <summary>
/// The managed Argon2id (Konscious) is opt-in: the Ravi.Sdk package does not depend on it. An application that asks for
/// <see cref="RaviArgon2Implementation.Managed"/> without referencing Konscious gets a <see cref="RaviCryptoException"/>
/// naming the package to add, not a raw <see cref="FileNotFoundException"/>. Ravi.Sdk is loaded into a load context
/// in which the Konscious assembly cannot be found, as in such an application.
/// </summary>
public sealed class ManagedArgon2OptInTests
{
    [Fact]
    public async Task Managed_without_the_Konscious_assembly_names_the_package_to_add()
    {
        var context = new WithoutKonscious();
        try
        {
            var sdk = context.LoadFromAssemblyPath(typeof(RaviClient).Assembly.Location);
            var keyPair = sdk.GetType("Ravi.Sdk.Crypto.RaviKeyPair", throwOnError: true)!;
            var implementation = Enum.ToObject(sdk.GetType("Ravi.Sdk.RaviArgon2Implementation", throwOnError: true)!, (int)RaviArgon2Implementation.Managed);
            var fromPinAsync = keyPair.GetMethod("FromPinAsync", BindingFlags.Public | BindingFlags.Static)!;

            var task = (Task)fromPinAsync.Invoke(null, ["123456", new ReadOnlyMemory<byte>(new byte[16]), implementation, CancellationToken.None])!;
            var error = await Record.ExceptionAsync(() => task);

            Assert.NotNull(error);
            Assert.Equal("Ravi.Sdk.RaviCryptoException", error.GetType().FullName); // the type from the isolated Ravi.Sdk
            Assert.Contains("Konscious.Security.Cryptography.Argon2", error.Message, StringComparison.Ordinal);
            Assert.Contains("RaviArgon2Implementation.Native", error.Message, StringComparison.Ordinal);
            Assert.Equal("NativeFailure", error.GetType().GetProperty("Kind")!.GetValue(error)!.ToString());
            Assert.True(context.KonsciousRequested, "the managed path did not even try to load Konscious");
        }
        finally
        {
            context.Unload();
        }
    }

    /// <summary>Loads Ravi.Sdk on its own and refuses the Konscious assembly; everything else comes from the default context.</summary>
    private sealed class WithoutKonscious() : AssemblyLoadContext(nameof(WithoutKonscious), isCollectible: true)
    {
        public bool KonsciousRequested { get; private set; }

        protected override Assembly? Load(AssemblyName assemblyName)
        {
            if (assemblyName.Name == "Konscious.Security.Cryptography.Argon2")
            {
                KonsciousRequested = true;
                throw new FileNotFoundException("Not in this application.", assemblyName.FullName);
            }

            return null;
        }
    }
}
