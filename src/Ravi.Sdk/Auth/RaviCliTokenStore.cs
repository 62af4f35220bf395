using System.Globalization;
using System.Text.Json;
using System.Text.Json.Nodes;
using Ravi.Sdk.Models;

namespace Ravi.Sdk.Auth;

/// <summary>
/// The official CLI's token file (<c>auth.json</c> in <c>$RAVI_CONFIG_DIR</c> or <c>~/.ravi</c>), shared with the
/// <c>ravi</c> CLI and other SDK processes. Writes are atomic (temporary file in the same directory, then rename), the file
/// is created with mode 0600 and its directory is created (or tightened) to 0700, and fields the SDK does not know are
/// preserved. A write never replaces another account's file (<c>user_email</c> differs) and never drops the CLI's key
/// fields (<c>pin_salt</c>, <c>public_key</c>, <c>private_key</c>). Reads are bounded to 1 MiB and cope with the CLI
/// rewriting the file in place (it ignores the lock). A lock file (<c>auth.json.lock</c>) serializes refreshes between
/// SDK processes.
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

    /// <summary>Reads the tokens; <see langword="null"/> when the file is missing, unreadable, larger than 1 MiB or not (yet) a complete JSON object.</summary>
    /// <param name="cancellationToken">Cancels the read.</param>
    /// <returns>The tokens, or <see langword="null"/>.</returns>
    /// <exception cref="OperationCanceledException"><paramref name="cancellationToken"/> was cancelled.</exception>
    public async ValueTask<RaviTokens?> LoadAsync(CancellationToken cancellationToken = default) =>
        (await ReadAsync(cancellationToken).ConfigureAwait(false)).AuthFile?.ToTokens();

    /// <summary>Reads the whole file, including the CLI's stored keys (for unlocking without a PIN).</summary>
    internal async Task<RaviCliAuthFile?> ReadAuthFileAsync(CancellationToken cancellationToken) =>
        (await ReadAsync(cancellationToken).ConfigureAwait(false)).AuthFile;

    /// <summary>Reads the file and says why it cannot be used when it cannot.</summary>
    internal Task<RaviCliFileRead> ReadAsync(CancellationToken cancellationToken) => RaviCliFileReader.ReadAsync(FilePath, cancellationToken);

    /// <summary>
    /// Writes the tokens, patching only <c>access_token</c>, <c>refresh_token</c> (kept when <see cref="RaviTokens.RefreshToken"/>
    /// is null), <c>expires_at</c> (from the JWT <c>exp</c>, in the file's existing format) and <c>user_email</c> (when known);
    /// every other field, the CLI's keys included, is kept. Does not take the lock (see <see cref="AcquireLockAsync"/>).
    /// </summary>
    /// <param name="tokens">The tokens.</param>
    /// <param name="cancellationToken">Cancels the call.</param>
    /// <returns>A task that completes when the file is written.</returns>
    /// <exception cref="RaviTokenStoreException">
    /// Nothing was written: the file belongs to another account (its <c>user_email</c> differs from <see cref="RaviTokens.User"/>),
    /// it is a directory or not accessible, it is larger than 1 MiB, it is still not a complete JSON object after waiting
    /// for a writer, or the directory is not writable.
    /// </exception>
    public async ValueTask SaveAsync(RaviTokens tokens, CancellationToken cancellationToken = default)
    {
        ArgumentNullException.ThrowIfNull(tokens);
        var obj = await ReadForUpdateAsync(cancellationToken).ConfigureAwait(false);
        var owner = RaviCliAuthFile.StringField(obj, RaviCliAuthFile.UserEmailField);
        if (tokens.User?.Email is { Length: > 0 } email && owner is not null && !string.Equals(owner, email, StringComparison.OrdinalIgnoreCase))
        {
            throw new RaviTokenStoreException(
                $"The Ravi tokens were not saved: {FilePath} belongs to another account ({owner}). To keep a separate login, set " +
                "RaviClientOptions.ConfigDirectory (or RAVI_CONFIG_DIR) to a directory of its own; to replace that login, sign it out first.",
                FilePath);
        }

        Patch(obj, tokens);
        await WriteAtomicAsync(Serialize(obj), cancellationToken).ConfigureAwait(false);
    }

    /// <summary>
    /// Stores the CLI's key fields (<c>pin_salt</c>, <c>public_key</c>, <c>private_key</c>, standard base64 as the CLI writes
    /// them) next to the tokens, when the file holds the session of <paramref name="owner"/>. Does not take the lock.
    /// </summary>
    /// <exception cref="RaviTokenStoreException">The file is missing, unreadable, or holds another account or session.</exception>
    internal async Task SaveKeysAsync(string pinSalt, string publicKey, string privateKey, RaviTokens owner, CancellationToken cancellationToken)
    {
        var read = await ReadAsync(cancellationToken).ConfigureAwait(false);
        if (read.Status != RaviCliFileStatus.Ok)
        {
            throw Failure("The encryption keys were not stored for the CLI", read);
        }

        var obj = read.Json!;
        var email = RaviCliAuthFile.StringField(obj, RaviCliAuthFile.UserEmailField);
        var sameAccount = email is not null && owner.User?.Email is { } ownerEmail
            ? string.Equals(email, ownerEmail, StringComparison.OrdinalIgnoreCase)
            : string.Equals(RaviCliAuthFile.StringField(obj, RaviCliAuthFile.AccessTokenField), owner.AccessToken, StringComparison.Ordinal) ||
              (owner.RefreshToken is not null && string.Equals(RaviCliAuthFile.StringField(obj, RaviCliAuthFile.RefreshTokenField), owner.RefreshToken, StringComparison.Ordinal));
        if (!sameAccount)
        {
            throw new RaviTokenStoreException($"The encryption keys were not stored for the CLI: {FilePath} holds another account's session.", FilePath);
        }

        obj[RaviCliAuthFile.PinSaltField] = pinSalt;
        obj[RaviCliAuthFile.PublicKeyField] = publicKey;
        obj[RaviCliAuthFile.PrivateKeyField] = privateKey;
        await WriteAtomicAsync(Serialize(obj), cancellationToken).ConfigureAwait(false);
    }

    /// <summary>
    /// Describes how the file's permissions are looser than 0600 (group or others may read or write it), or
    /// <see langword="null"/> when they are not (or cannot be read, e.g. on Windows).
    /// </summary>
    internal string? LoosePermissions()
    {
        if (OperatingSystem.IsWindows())
        {
            return null;
        }

        try
        {
            var mode = File.GetUnixFileMode(FilePath);
            const UnixFileMode open = UnixFileMode.GroupRead | UnixFileMode.GroupWrite | UnixFileMode.OtherRead | UnixFileMode.OtherWrite;
            return (mode & open) == 0 ? null : Convert.ToString((int)mode & 0x1FF, 8).PadLeft(4, '0');
        }
        catch (Exception ex) when (ex is IOException or UnauthorizedAccessException)
        {
            return null;
        }
    }

    /// <summary>Deletes the token file (the CLI's stored keys go with it, as on <c>ravi logout</c>).</summary>
    /// <param name="cancellationToken">Cancels the call.</param>
    /// <returns>A task that completes when the file is gone.</returns>
    /// <exception cref="IOException">The file is in use or could not be deleted.</exception>
    /// <exception cref="UnauthorizedAccessException">The file or its directory is not writable by this user.</exception>
    /// <exception cref="OperationCanceledException"><paramref name="cancellationToken"/> was cancelled.</exception>
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
    /// <exception cref="RaviTokenStoreException">The directory cannot be created or the lock file cannot be opened (not a timeout).</exception>
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
            catch (UnauthorizedAccessException ex)
            {
                throw new RaviTokenStoreException($"Cannot open the lock file {lockPath} (permission denied): the Ravi tokens cannot be saved there.", FilePath, ex);
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
            obj[RaviCliAuthFile.UserEmailField] = email;
        }
    }

    private static RaviTokenStoreException Failure(string what, RaviCliFileRead read) =>
        new($"{what}: {read.Path} {(read.Status == RaviCliFileStatus.Missing ? "does not exist" : "cannot be used (" + read.Problem + ")")}.", read.Path, read.Error);

    /// <summary>
    /// The file's current object to patch, or an empty one when there is no file. A file that is still not a complete JSON
    /// object after waiting for a writer, or that cannot be read at all, is never replaced: it may hold the CLI's keys.
    /// </summary>
    private async Task<JsonObject> ReadForUpdateAsync(CancellationToken cancellationToken)
    {
        var read = await ReadAsync(cancellationToken).ConfigureAwait(false);
        return read.Status switch
        {
            RaviCliFileStatus.Ok => read.Json!,
            RaviCliFileStatus.Missing => [],
            _ => throw Failure("The Ravi tokens were not saved (the file is left as it is; fix or delete it)", read),
        };
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
        try
        {
            await WriteAtomicCoreAsync(content, cancellationToken).ConfigureAwait(false);
        }
        catch (Exception ex) when (ex is IOException or UnauthorizedAccessException)
        {
            throw new RaviTokenStoreException($"The Ravi tokens could not be written to {FilePath} ({ex.GetType().Name}): check that the directory is writable.", FilePath, ex);
        }
    }

    private async Task WriteAtomicCoreAsync(byte[] content, CancellationToken cancellationToken)
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

    /// <summary>Creates the directory with mode 0700, or tightens an existing one to 0700 (best effort: it may not be ours).</summary>
    private string EnsureDirectory()
    {
        var directory = Path.GetDirectoryName(FilePath) ?? throw new InvalidOperationException($"{FilePath} has no directory.");
        if (OperatingSystem.IsWindows())
        {
            Directory.CreateDirectory(directory);
            return directory;
        }

        const UnixFileMode Private = UnixFileMode.UserRead | UnixFileMode.UserWrite | UnixFileMode.UserExecute;
        if (!Directory.Exists(directory))
        {
            Directory.CreateDirectory(directory, Private);
            return directory;
        }

        try
        {
            if ((File.GetUnixFileMode(directory) & ~Private) != 0)
            {
                File.SetUnixFileMode(directory, Private);
            }
        }
        catch (Exception ex) when (ex is IOException or UnauthorizedAccessException)
        {
            // Not our directory (or a file system without modes): the file itself is still created 0600.
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
