using System.Collections.Concurrent;
using Microsoft.Extensions.Logging;

namespace Ravi.Sdk.IntegrationTests.Sdk.Support;

/// <summary>
/// A logger factory that captures every entry at every level (Trace included): the formatted message, each structured
/// value and the exception with its inner exceptions.
/// </summary>
internal sealed class CapturingLoggerProvider : ILoggerProvider, ILoggerFactory
{
    public ConcurrentQueue<string> Lines { get; } = new();

    public ILogger CreateLogger(string categoryName) => new CapturingLogger(this, categoryName);

    public void AddProvider(ILoggerProvider provider)
    {
    }

    public void Dispose()
    {
    }

    internal void Add(string line) => Lines.Enqueue(line);
}
