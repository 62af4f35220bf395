using System.Collections.Concurrent;
using Microsoft.Extensions.Logging;

namespace Ravi.Sdk.Tests.Auth.Support;

/// <summary>Captures every log entry at every level: the formatted message, each structured value and any exception.</summary>
internal sealed class CapturingLoggerProvider : ILoggerProvider, ILoggerFactory
{
    public ConcurrentQueue<string> Lines { get; } = new();

    public ILogger CreateLogger(string categoryName) => new Logger(this, categoryName);

    public void AddProvider(ILoggerProvider provider)
    {
    }

    public void Dispose()
    {
    }

    private sealed class Logger(CapturingLoggerProvider owner, string category) : ILogger
    {
        public IDisposable? BeginScope<TState>(TState state) where TState : notnull => null;

        public bool IsEnabled(LogLevel logLevel) => true;

        public void Log<TState>(LogLevel logLevel, EventId eventId, TState state, Exception? exception, Func<TState, Exception?, string> formatter)
        {
            var parts = new List<string> { $"{logLevel} {category} [{eventId.Id}] {formatter(state, exception)}" };
            if (state is IEnumerable<KeyValuePair<string, object?>> values)
            {
                parts.AddRange(values.Select(kv => $"{kv.Key}={kv.Value}"));
            }

            if (exception is not null)
            {
                parts.Add(exception.ToString());
            }

            owner.Lines.Enqueue(string.Join(" | ", parts));
        }
    }
}
