using System.Runtime.CompilerServices;

namespace Ravi.Sdk.Internal;

/// <summary>
/// The check every public member of a sub-client runs first: an instance made through its protected constructor (for
/// mocking) has no pipeline, so a member the fake did not override fails with a clear
/// <see cref="InvalidOperationException"/> naming it, before any argument check or I/O.
/// </summary>
internal static class RaviMock
{
    /// <summary>Throws when <paramref name="state"/> (the pipeline scope or client a real instance holds) is missing.</summary>
    public static void ThrowIfMock(object? state, object instance, [CallerMemberName] string member = "")
    {
        if (state is null)
        {
            throw NotOverridden(instance.GetType(), member);
        }
    }

    /// <summary>The exception for a member a mock did not override.</summary>
    public static InvalidOperationException NotOverridden(Type type, string member)
    {
        var sdkType = type;
        while (sdkType.BaseType is { } parent && sdkType.Assembly != typeof(RaviMock).Assembly)
        {
            sdkType = parent;
        }

        var derived = sdkType == type ? $"This {type.Name} was created for mocking (its protected constructor)" : $"{type.Name} derives from {sdkType.Name} for mocking";
        return new InvalidOperationException(
            $"{type.Name}.{member} is not overridden: {derived} and has no HTTP pipeline. Override {member} in the fake, " +
            "or test against a real RaviClient (for example over Ravi.Sdk.Testing's RaviTestServer).");
    }
}
