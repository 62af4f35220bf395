using System.Runtime.InteropServices;

namespace Ravi.Sdk.Benchmarks.Load;

/// <summary>Raises this process's own open-file limit (RLIMIT_NOFILE) to its hard limit, through libc's setrlimit.</summary>
internal static partial class FileDescriptorLimit
{
    private const int RlimitNofile = 7; // Linux

    /// <summary>Sets the soft limit to the hard limit (Linux only); returns the soft limit before and after.</summary>
    public static (ulong Before, ulong After, ulong Hard) RaiseToHardLimit()
    {
        if (!OperatingSystem.IsLinux())
        {
            return (0, 0, 0);
        }

        if (getrlimit(RlimitNofile, out var limit) != 0)
        {
            throw new InvalidOperationException($"getrlimit(RLIMIT_NOFILE) failed: errno {Marshal.GetLastPInvokeError()}.");
        }

        var before = limit.Current;
        if (limit.Current < limit.Maximum)
        {
            limit.Current = limit.Maximum;
            if (setrlimit(RlimitNofile, in limit) != 0)
            {
                throw new InvalidOperationException($"setrlimit(RLIMIT_NOFILE, {limit.Maximum}) failed: errno {Marshal.GetLastPInvokeError()}.");
            }
        }

        return (before, limit.Current, limit.Maximum);
    }

    [LibraryImport("libc", SetLastError = true)]
    private static partial int getrlimit(int resource, out RLimit limit);

    [LibraryImport("libc", SetLastError = true)]
    private static partial int setrlimit(int resource, in RLimit limit);

    [StructLayout(LayoutKind.Sequential)]
    private struct RLimit
    {
        public ulong Current;
        public ulong Maximum;
    }
}
