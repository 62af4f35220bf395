using System.Security.Cryptography;

namespace Ravi.Sdk.Crypto;

/// <summary>
/// Argon2id v1.3 with one lane, through native libsodium (NSec) or the managed Konscious implementation. Both give the
/// same bytes for the same inputs; the tests hold them to that. Konscious is compiled against but not a dependency of the
/// package (docs/encryption.md, "Argon2id implementations"): the managed path works when the application references
/// <c>Konscious.Security.Cryptography.Argon2</c> itself, and says so when it does not.
/// </summary>
internal static class RaviArgon2
{
    /// <summary>The CLI's passes (t).</summary>
    public const int Passes = 3;

    /// <summary>The CLI's memory size in KiB (m = 64 MiB).</summary>
    public const int MemoryKiB = 65536;

    /// <summary>The salt size (libsodium accepts exactly 16 bytes).</summary>
    public const int SaltBytes = 16;

    /// <summary>The package the application references to enable the managed implementation.</summary>
    public const string ManagedPackage = "Konscious.Security.Cryptography.Argon2";

    /// <summary>Derives the CLI's 32-byte seed from a PIN's ASCII bytes.</summary>
    public static void DeriveSeed(ReadOnlySpan<byte> password, ReadOnlySpan<byte> salt, Span<byte> seed, RaviArgon2Implementation implementation) =>
        Derive(password, salt, Passes, MemoryKiB, seed, implementation);

    /// <summary>
    /// Argon2id v1.3, p = 1, with the given passes and memory (KiB, rounded down by the algorithm as libsodium does) into
    /// <paramref name="output"/> (at least 16 bytes).
    /// </summary>
    public static void Derive(ReadOnlySpan<byte> password, ReadOnlySpan<byte> salt, int passes, int memoryKiB, Span<byte> output, RaviArgon2Implementation implementation)
    {
        if (salt.Length != SaltBytes)
        {
            throw new ArgumentException($"The salt must be {SaltBytes} bytes.", nameof(salt));
        }

        ArgumentOutOfRangeException.ThrowIfLessThan(passes, 1);
        ArgumentOutOfRangeException.ThrowIfLessThan(memoryKiB, 8);
        ArgumentOutOfRangeException.ThrowIfLessThan(output.Length, 16, nameof(output));

        switch (implementation)
        {
            case RaviArgon2Implementation.Native:
                Sodium.EnsureAvailable();
                DeriveNative(password, salt, passes, memoryKiB, output);
                break;
            case RaviArgon2Implementation.Managed:
                if (!TryDeriveManaged(password, salt, passes, memoryKiB, output))
                {
                    throw new RaviCryptoException(
                        RaviCryptoErrorKind.NativeFailure,
                        $"RaviArgon2Implementation.Managed needs the {ManagedPackage} package, which the Ravi.Sdk package does not bring: add a package reference to it (1.3.1 or later) to the application, or use RaviArgon2Implementation.Native.");
                }

                break;
            case RaviArgon2Implementation.Auto:
                if (!Sodium.IsAvailable || !TryDeriveNative(password, salt, passes, memoryKiB, output))
                {
                    if (!TryDeriveManaged(password, salt, passes, memoryKiB, output))
                    {
                        Sodium.EnsureAvailable(); // names the native failure, the one that matters
                        throw new RaviCryptoException(
                            RaviCryptoErrorKind.NativeFailure,
                            $"Argon2id could not run in libsodium (NSec), and the managed fallback is not installed: add a package reference to {ManagedPackage} to the application to enable it.");
                    }
                }

                break;
            default:
                throw new ArgumentOutOfRangeException(nameof(implementation), implementation, "Unknown Argon2 implementation.");
        }
    }

    private static bool TryDeriveNative(ReadOnlySpan<byte> password, ReadOnlySpan<byte> salt, int passes, int memoryKiB, Span<byte> output)
    {
        try
        {
            DeriveNative(password, salt, passes, memoryKiB, output);
            return true;
        }
        catch (Exception ex) when (ex is DllNotFoundException or EntryPointNotFoundException or BadImageFormatException or TypeInitializationException)
        {
            return false;
        }
    }

    private static void DeriveNative(ReadOnlySpan<byte> password, ReadOnlySpan<byte> salt, int passes, int memoryKiB, Span<byte> output)
    {
        var parameters = new NSec.Cryptography.Argon2Parameters
        {
            DegreeOfParallelism = 1, // the only value libsodium (and so NSec) accepts, and the CLI's
            MemorySize = memoryKiB,
            NumberOfPasses = passes,
        };
        var algorithm = new NSec.Cryptography.Argon2id(parameters);
        try
        {
            algorithm.DeriveBytes(password, salt, output);
        }
        catch (NotImplementedException ex)
        {
            // NSec reports a failing crypto_pwhash (e.g. out of memory) this way.
            throw new RaviCryptoException(RaviCryptoErrorKind.NativeFailure, "Argon2id key derivation failed in libsodium.", ex);
        }
    }

    /// <summary>Derives with Konscious; false when the application does not carry the Konscious assembly.</summary>
    private static bool TryDeriveManaged(ReadOnlySpan<byte> password, ReadOnlySpan<byte> salt, int passes, int memoryKiB, Span<byte> output)
    {
        try
        {
            DeriveManaged(password, salt, passes, memoryKiB, output);
            return true;
        }
        catch (Exception ex) when (ex is FileNotFoundException or FileLoadException or TypeLoadException or MissingMethodException)
        {
            // The assembly reference resolves when DeriveManaged is compiled (JIT) or, under native AOT, when it runs.
            return false;
        }
    }

    // Not inlined: the Konscious types must only be resolved here, inside TryDeriveManaged's catch.
    [System.Runtime.CompilerServices.MethodImpl(System.Runtime.CompilerServices.MethodImplOptions.NoInlining)]
    private static void DeriveManaged(ReadOnlySpan<byte> password, ReadOnlySpan<byte> salt, int passes, int memoryKiB, Span<byte> output)
    {
        // Konscious takes arrays: copy, and wipe the copies afterwards.
        var passwordCopy = password.ToArray();
        byte[]? result = null;
        try
        {
            using var argon2 = new Konscious.Security.Cryptography.Argon2id(passwordCopy)
            {
                Salt = salt.ToArray(),
                DegreeOfParallelism = 1,
                Iterations = passes,
                MemorySize = memoryKiB,
            };
            result = argon2.GetBytes(output.Length);
            result.CopyTo(output);
        }
        finally
        {
            CryptographicOperations.ZeroMemory(passwordCopy);
            if (result is not null)
            {
                CryptographicOperations.ZeroMemory(result);
            }
        }
    }
}
