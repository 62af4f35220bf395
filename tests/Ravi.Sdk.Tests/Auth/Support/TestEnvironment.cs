using Ravi.Sdk.Auth;

namespace Ravi.Sdk.Tests.Auth.Support;

/// <summary>A fake process environment: no real HOME, working directory or variables leak into tests.</summary>
internal sealed class TestEnvironment : RaviEnvironment
{
    private readonly Dictionary<string, string?> _variables = new(StringComparer.Ordinal);

    public TestEnvironment(string? home = null, string? currentDirectory = null)
    {
        Home = home;
        Cwd = currentDirectory ?? Path.Combine(Path.GetTempPath(), "ravi-tests-no-cwd-" + Guid.NewGuid().ToString("N"));
    }

    public string? Home { get; set; }

    public string Cwd { get; set; }

    public TestEnvironment Set(string name, string? value)
    {
        _variables[name] = value;
        return this;
    }

    public override string? GetEnvironmentVariable(string name) => _variables.TryGetValue(name, out var v) ? v : null;

    public override string? HomeDirectory => Home;

    public override string CurrentDirectory => Cwd;
}
