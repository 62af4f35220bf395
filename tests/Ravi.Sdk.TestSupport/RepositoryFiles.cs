namespace Ravi.Sdk.TestSupport;

/// <summary>The repository the tests run from: its root (where <c>Ravi.Sdk.sln</c> is) and its own files.</summary>
public static class RepositoryFiles
{
    private static readonly string[] SkippedDirectories = ["bin", "obj", ".git", "node_modules", "BenchmarkDotNet.Artifacts", "TestResults"];

    /// <summary>The directory that holds <c>Ravi.Sdk.sln</c>, found upwards from the test assembly.</summary>
    public static string Root { get; } = FindRoot();

    /// <summary>The repository's files ending in one of <paramref name="extensions"/>, build output and <c>.git</c> skipped.</summary>
    public static IEnumerable<string> Enumerate(params string[] extensions)
    {
        var pending = new Stack<string>([Root]);
        while (pending.TryPop(out var directory))
        {
            foreach (var file in Directory.EnumerateFiles(directory))
            {
                if (extensions.Any(e => file.EndsWith(e, StringComparison.OrdinalIgnoreCase)))
                {
                    yield return file;
                }
            }

            foreach (var child in Directory.EnumerateDirectories(directory))
            {
                if (!SkippedDirectories.Contains(Path.GetFileName(child), StringComparer.OrdinalIgnoreCase))
                {
                    pending.Push(child);
                }
            }
        }
    }

    private static string FindRoot()
    {
        for (var dir = new DirectoryInfo(AppContext.BaseDirectory); dir is not null; dir = dir.Parent)
        {
            if (File.Exists(Path.Combine(dir.FullName, "Ravi.Sdk.sln")))
            {
                return dir.FullName;
            }
        }

        throw new InvalidOperationException("Ravi.Sdk.sln not found above " + AppContext.BaseDirectory);
    }
}
