namespace Ravi.Sdk.Auth;

/// <summary>The lock of a store that needs none.</summary>
internal sealed class RaviNoLock : IAsyncDisposable
{
    public static readonly RaviNoLock Instance = new();

    public ValueTask DisposeAsync() => ValueTask.CompletedTask;
}
