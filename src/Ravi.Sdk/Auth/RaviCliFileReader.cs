namespace Ravi.Sdk.Auth;

/// <summary>
/// Reads the CLI's small JSON files (<c>auth.json</c>, <c>config.json</c>) safely: bounded to <see cref="MaxFileBytes"/>
/// (a bigger file is refused before it is read, so a 100 MB file costs nothing), opened with full sharing (the CLI rewrites
/// them in place, without taking our lock), and, because an in-place rewrite truncates first, an empty or half-written
/// file is read again a few times before it counts as <see cref="RaviCliFileStatus.Incomplete"/>. Never throws for file
/// problems: they come back as a status.
/// </summary>
internal static class RaviCliFileReader
{
    /// <summary>The largest file read: the CLI's files are well under 2 KB.</summary>
    public const int MaxFileBytes = 1024 * 1024;

    private const int SettleAttempts = 10;
    private static readonly TimeSpan SettleDelay = TimeSpan.FromMilliseconds(20);

    /// <summary>Reads a file, waiting briefly (real time) while it is empty or not yet a complete JSON object.</summary>
    public static async Task<RaviCliFileRead> ReadAsync(string path, CancellationToken cancellationToken)
    {
        for (var attempt = 1; ; attempt++)
        {
            var read = await ReadOnceAsync(path, cancellationToken).ConfigureAwait(false);
            if (read.Status != RaviCliFileStatus.Incomplete || attempt == SettleAttempts)
            {
                return read;
            }

            await Task.Delay(SettleDelay, TimeProvider.System, cancellationToken).ConfigureAwait(false);
        }
    }

    /// <summary>Reads a file once, synchronously (for <c>config.json</c>, which is read from a synchronous property).</summary>
    public static RaviCliFileRead Read(string path)
    {
        // With synchronous reads every await below completes at once: nothing blocks on a pending task.
        var read = ReadOnceAsync(path, synchronous: true, CancellationToken.None);
        return read.IsCompleted ? read.Result : throw new InvalidOperationException("A synchronous read did not complete synchronously.");
    }

    private static ValueTask<RaviCliFileRead> ReadOnceAsync(string path, CancellationToken cancellationToken) =>
        ReadOnceAsync(path, synchronous: false, cancellationToken);

    private static async ValueTask<RaviCliFileRead> ReadOnceAsync(string path, bool synchronous, CancellationToken cancellationToken)
    {
        try
        {
            using var stream = Open(path);
            if (stream.Length > MaxFileBytes)
            {
                return TooLarge(path);
            }

            // Sized from the length (+1, so the end is seen without growing); the file may still change while it is read.
            var buffer = new byte[(int)stream.Length + 1];
            var total = 0;
            while (true)
            {
                if (!Grow(ref buffer, total))
                {
                    return TooLarge(path);
                }

                var n = synchronous
                    ? stream.Read(buffer, total, buffer.Length - total)
                    : await stream.ReadAsync(buffer.AsMemory(total), cancellationToken).ConfigureAwait(false);
                if (n == 0)
                {
                    return Parse(path, buffer.AsSpan(0, total));
                }

                total += n;
            }
        }
        catch (Exception ex) when (ex is IOException or UnauthorizedAccessException)
        {
            return Failed(path, ex);
        }
    }

    /// <summary>Makes room for more bytes when the buffer is full; false once the file is past the limit.</summary>
    private static bool Grow(ref byte[] buffer, int used)
    {
        if (used < buffer.Length)
        {
            return true;
        }

        if (used > MaxFileBytes)
        {
            return false;
        }

        Array.Resize(ref buffer, Math.Min(Math.Max(buffer.Length * 2, 4096), MaxFileBytes + 1));
        return true;
    }

    private static FileStream Open(string path) => new(path, new FileStreamOptions
    {
        Mode = FileMode.Open,
        Access = FileAccess.Read,
        Share = FileShare.ReadWrite | FileShare.Delete,
    });

    private static RaviCliFileRead Parse(string path, ReadOnlySpan<byte> bytes) =>
        RaviCliAuthFile.ParseObject(bytes) is { } json
            ? new RaviCliFileRead(path, RaviCliFileStatus.Ok, json, null, null)
            : new RaviCliFileRead(path, RaviCliFileStatus.Incomplete, null, bytes.IsEmpty ? "empty" : "not a complete JSON object", null);

    private static RaviCliFileRead TooLarge(string path) =>
        new(path, RaviCliFileStatus.Unreadable, null, $"larger than {MaxFileBytes / 1024} KiB (the CLI's files are a few hundred bytes)", null);

    private static RaviCliFileRead Failed(string path, Exception ex) => ex switch
    {
        FileNotFoundException or DirectoryNotFoundException => new(path, RaviCliFileStatus.Missing, null, null, null),
        UnauthorizedAccessException when Directory.Exists(path) => new(path, RaviCliFileStatus.Unreadable, null, "it is a directory", ex),
        UnauthorizedAccessException => new(path, RaviCliFileStatus.Unreadable, null, "permission denied", ex),
        _ => new(path, RaviCliFileStatus.Unreadable, null, "I/O error (" + ex.GetType().Name + ")", ex),
    };
}
