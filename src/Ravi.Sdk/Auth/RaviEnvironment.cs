namespace Ravi.Sdk.Auth;

/// <summary>
/// The process environment as the credential and identity chains see it (environment variables, home and working
/// directory). Tests substitute their own so they never depend on the real <c>HOME</c>.
/// </summary>
internal class RaviEnvironment
{
    /// <summary>The real process environment.</summary>
    public static RaviEnvironment System { get; } = new();

    /// <summary>Reads an environment variable; <see langword="null"/> when unset.</summary>
    public virtual string? GetEnvironmentVariable(string name) => Environment.GetEnvironmentVariable(name);

    /// <summary>The user's home directory, or <see langword="null"/> when there is none.</summary>
    public virtual string? HomeDirectory
    {
        get
        {
            var home = Environment.GetFolderPath(Environment.SpecialFolder.UserProfile);
            return string.IsNullOrEmpty(home) ? null : home;
        }
    }

    /// <summary>The current working directory.</summary>
    public virtual string CurrentDirectory => Environment.CurrentDirectory;
}
