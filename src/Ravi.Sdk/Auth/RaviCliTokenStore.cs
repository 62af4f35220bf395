using System.Globalization;
using System.Text.Json;
using System.Text.Json.Nodes;
using Ravi.Sdk.Models;

namespace Ravi.Sdk.Auth;

/// <summary>
/// The official CLI's token file (<c>auth.json</c> in <c>$RAVI_CONFIG_DIR</c> or <c>~/.ravi</c>), shared with the
/// <c>ravi</c> CLI and other SDK processes. Writes are atomic (temporary file in the same directory, then rename), the file
/// is created with mode 0600 in a 0700 directory, and fields the SDK does not know are preserved. A lock file
/// (<c>auth.json.lock</c>) serializes refreshes between processes.
/// </summary>
public sealed class RaviCliTokenStore : IRaviTokenStore
{
    /// <summary>The CLI's token file name.</summary>
    public const string FileName = "auth.json";

    private static readonly TimeSpan LockRetryDelay = TimeSpan.FromMilliseconds(25);
    private readonly TimeProvider _timeProvider;

    /// <summary>Creates a store over a token file.</summary>
    /// <param name="filePath">The path of <c>auth.json</c> (it need not exist yet).</param>
    public RaviCliTokenStore(string filePath)
        : this(filePath, null)
    {
    }

    /// <summary>Creates a store over a token file.</summary>
    /// <param name="filePath">The path of <c>auth.json</c> (it need not exist yet).</param>
    /// <param name="timeProvider">The clock for lock retries; the system clock when <see langword="null"/>.</param>
    public RaviCliTokenStore(string filePath, TimeProvider? timeProvider)
    {
        ArgumentException.ThrowIfNullOrWhiteSpace(filePath);
        FilePath = Path.GetFullPath(filePath);
        _timeProvider = timeProvider ?? TimeProvider.System;
    }

    /// <summary>The full path of the token file.</summary>
    public string FilePath { get; }

    /// <summary>How long <see cref="AcquireLockAsync"/> waits for another process before failing. Default 30 s.</summary>
    public TimeSpan LockTimeout { get; init; } = TimeSpan.FromSeconds(30);

    /// <summary>Creates a store for <c>auth.json</c> in a CLI configuration directory.</summary>
    /// <param name="directory">The directory (e.g. <c>~/.ravi</c> or <c>$RAVI_CONFIG_DIR</c>).</param>
    /// <returns>The store.</returns>
    public static RaviCliTokenStore ForDirectory(string directory)
    {
        ArgumentException.ThrowIfNullOrWhiteSpace(directory);
        return new RaviCliTokenStore(Path.Combine(directory, FileName));
    }

    /// <inheritdoc/>
    public async ValueTask<RaviTokens?> LoadAsync(CancellationToken cancellationToken = default) =>
        (await RaviCliAuthFile.TryReadAsync(FilePath, cancellationToken).ConfigureAwait(false))?.ToTokens();

    /// <summary>Reads the whole file, including the CLI's stored keys (for unlocking without a PIN).</summary>
    internal Task<RaviCliAuthFile?> ReadAuthFileAsync(CancellationToken cancellationToken) =>
        RaviCliAuthFile.TryReadAsync(FilePath, cancellationToken);

    /// <summary>
    /// Writes the tokens, patching only <c>access_token</c>, <c>refresh_token</c> (kept when <see cref="RaviTokens.RefreshToken"/>
    /// is null), <c>expires_at</c> (from the JWT <c>exp</c>, in the file's existing format) and <c>user_email</c> (when known).
    /// When the file belonged to another user, that user's stored keys are dropped.
    /// </summary>
    /// <inheritdoc/>
    public async ValueTask SaveAsync(RaviTokens tokens, CancellationToken cancellationToken = default)
    {
        ArgumentNullException.ThrowIfNull(tokens);
        byte[]? existing = null;
        try
        {
            existing = await File.ReadAllBytesAsync(FilePath, cancellationToken).ConfigureAwait(false);
        }
        catch (Exception ex) when (ex is FileNotFoundException or DirectoryNotFoundException)
        {
        }

        var obj = (existing is null ? null : RaviCliAuthFile.ParseObject(existing)) ?? [];
        Patch(obj, tokens);
        await WriteAtomicAsync(Serialize(obj), cancellationToken).ConfigureAwait(false);
    }

    /// <summary>Deletes the token file (the CLI's stored keys go with it, as on <c>ravi logout</c>).</summary>
    /// <inheritdoc/>
    public ValueTask ClearAsync(CancellationToken cancellationToken = default)
    {
        cancellationToken.ThrowIfCancellationRequested();
        if (File.Exists(FilePath))
        {
            File.Delete(FilePath);
        }

        return ValueTask.CompletedTask;
    }

    /// <summary>Takes <c>auth.json.lock</c> exclusively (an OS file lock, released if the process dies), retrying until <see cref="LockTimeout"/>.</summary>
    /// <inheritdoc/>
    public async ValueTask<IAsyncDisposable> AcquireLockAsync(CancellationToken cancellationToken = default)
    {
        EnsureDirectory();
        var lockPath = FilePath + ".lock";
        var started = _timeProvider.GetTimestamp();
        while (true)
        {
            cancellationToken.ThrowIfCancellationRequested();
            try
            {
                return new FileLock(new FileStream(lockPath, PrivateFileOptions(FileMode.OpenOrCreate, FileAccess.ReadWrite)));
            }
            catch (IOException) when (_timeProvider.GetElapsedTime(started) < LockTimeout)
            {
                // Another process holds the lock; wait for it to write the new tokens.
            }
            catch (IOException ex)
            {
                throw new RaviException($"Timed out after {LockTimeout.TotalSeconds:0.#} s waiting for the lock on {lockPath} (another process is refreshing the Ravi tokens).", ex);
            }

            await Task.Delay(LockRetryDelay, _timeProvider, cancellationToken).ConfigureAwait(false);
        }
    }

    /// <inheritdoc/>
    public override string ToString() => $"RaviCliTokenStore {{ FilePath = {FilePath} }}";

    private static void Patch(JsonObject obj, RaviTokens tokens)
    {
        obj[RaviCliAuthFile.AccessTokenField] = tokens.AccessToken;
        if (!string.IsNullOrEmpty(tokens.RefreshToken))
        {
            obj[RaviCliAuthFile.RefreshTokenField] = tokens.RefreshToken;
        }

        if (RaviJwt.TryGetExpiry(tokens.AccessToken) is { } expiry)
        {
            // Keep the representation the file already uses (unix seconds or RFC 3339 text); RFC 3339 for a new file.
            obj[RaviCliAuthFile.ExpiresAtField] = obj[RaviCliAuthFile.ExpiresAtField] is JsonValue v && v.GetValueKind() == JsonValueKind.Number
                ? JsonValue.Create(expiry.ToUnixTimeSeconds())
                : JsonValue.Create(expiry.UtcDateTime.ToString("yyyy-MM-dd'T'HH:mm:ss'Z'", CultureInfo.InvariantCulture));
        }

        if (tokens.User?.Email is { Length: > 0 } email)
        {
            var previous = obj[RaviCliAuthFile.UserEmailField] is JsonValue pv && pv.TryGetValue<string>(out var p) ? p : null;
            if (previous is not null && !string.Equals(previous, email, StringComparison.OrdinalIgnoreCase))
            {
                // Another account signed in: its keys must not be paired with these tokens.
                obj.Remove(RaviCliAuthFile.PinSaltField);
                obj.Remove(RaviCliAuthFile.PublicKeyField);
                obj.Remove(RaviCliAuthFile.PrivateKeyField);
            }

            obj[RaviCliAuthFile.UserEmailField] = email;
        }
    }

    private static byte[] Serialize(JsonObject obj)
    {
        using var buffer = new MemoryStream();
        using (var writer = new Utf8JsonWriter(buffer, new JsonWriterOptions { Indented = true }))
        {
            obj.WriteTo(writer);
        }

        buffer.WriteByte((byte)'\n');
        return buffer.ToArray();
    }

    private async Task WriteAtomicAsync(byte[] content, CancellationToken cancellationToken)
    {
        var directory = EnsureDirectory();
        var temp = Path.Combine(directory, $".{FileName}.{Guid.NewGuid():N}.tmp");
        try
        {
            var stream = new FileStream(temp, PrivateFileOptions(FileMode.CreateNew, FileAccess.Write));
            await using (stream.ConfigureAwait(false))
            {
                await stream.WriteAsync(content, cancellationToken).ConfigureAwait(false);
                await stream.FlushAsync(cancellationToken).ConfigureAwait(false);
                stream.Flush(flushToDisk: true);
            }

            File.Move(temp, FilePath, overwrite: true);
        }
        catch
        {
            TryDelete(temp);
            throw;
        }
    }

    private string EnsureDirectory()
    {
        var directory = Path.GetDirectoryName(FilePath) ?? throw new InvalidOperationException($"{FilePath} has no directory.");
        if (!Directory.Exists(directory))
        {
            if (OperatingSystem.IsWindows())
            {
                Directory.CreateDirectory(directory);
            }
            else
            {
                Directory.CreateDirectory(directory, UnixFileMode.UserRead | UnixFileMode.UserWrite | UnixFileMode.UserExecute);
            }
        }

        return directory;
    }

    private static FileStreamOptions PrivateFileOptions(FileMode mode, FileAccess access)
    {
        var options = new FileStreamOptions { Mode = mode, Access = access, Share = FileShare.None };
        if (!OperatingSystem.IsWindows())
        {
            options.UnixCreateMode = UnixFileMode.UserRead | UnixFileMode.UserWrite;
        }

        return options;
    }

    private static void TryDelete(string path)
    {
        try
        {
            File.Delete(path);
        }
        catch (Exception ex) when (ex is IOException or UnauthorizedAccessException)
        {
            // Best effort: a stray temporary file is harmless.
        }
    }

    private sealed class FileLock : IAsyncDisposable
    {
        private readonly FileStream _stream;

        public FileLock(FileStream stream) => _stream = stream;

        public ValueTask DisposeAsync() => _stream.DisposeAsync();
    }
}
