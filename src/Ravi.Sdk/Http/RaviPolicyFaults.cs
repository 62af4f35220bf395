using System.Runtime.CompilerServices;

namespace Ravi.Sdk.Http;

/// <summary>
/// The failures that came up from below the handlers of one position (the SDK's own chain, the transport), so that
/// <see cref="RaviPolicyGuard"/> can tell them, which pass unchanged, from a failure of the user's handler itself.
/// Thread-safe; holds the exceptions weakly.
/// </summary>
internal sealed class RaviPolicyFaults
{
    private readonly ConditionalWeakTable<Exception, RaviPolicyFaults> _fromBelow = new();

    /// <summary>Records that <paramref name="exception"/> came from below the user's handlers.</summary>
    public void MarkFromBelow(Exception exception) => _fromBelow.AddOrUpdate(exception, this);

    /// <summary>Whether <paramref name="exception"/> came from below the user's handlers.</summary>
    public bool IsFromBelow(Exception exception) => _fromBelow.TryGetValue(exception, out _);
}
