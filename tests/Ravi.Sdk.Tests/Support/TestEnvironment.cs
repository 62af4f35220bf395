using Ravi.Sdk.Auth;

namespace Ravi.Sdk.Tests.Support;

/// <summary>A fake process environment: no real HOME, working directory or variables leak into tests.</summary>
internal sealed class TestEnvironment : RaviEnvironment
{
    private readonly Dictionary<string, string?> _variables = new(StringComparer.Ordinal);
    private int _reads;

    public TestEnvironment(string? home = null, string? currentDirectory = null)
    {
        Home = home;
        Cwd = currentDirectory ?? Path.Combine(Path.GetTempPath(), "ravi-tests-no-cwd-" + Guid.NewGuid().ToString("N"));
    }

    public string? Home { get; set; }

    public string Cwd { get; set; }

    /// <summary>How many times the SDK looked at the environment (variables, home or working directory).</summary>
    public int Reads => Volatile.Read(ref _reads);

    public TestEnvironment Set(string name, string? value)
    {
        _variables[name] = value;
        return this;
    }

    public override string? GetEnvironmentVariable(string name)
    {
        Interlocked.Increment(ref _reads);
        return _variables.TryGetValue(name, out var v) ? v : null;
    }

    public override string? HomeDirectory
    {
        get
        {
            Interlocked.Increment(ref _reads);
            return Home;
        }
    }

    public override string CurrentDirectory
    {
        get
        {
            Interlocked.Increment(ref _reads);
            return Cwd;
        }
    }
}
