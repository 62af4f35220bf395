using System.Collections.Concurrent;
using Microsoft.Extensions.Logging;

namespace Ravi.Sdk.TestSupport;

/// <summary>
/// A logger provider and factory that captures every entry at every level (Trace included): as structured
/// <see cref="Entries"/> and as one text line each in <see cref="Lines"/> (level, category, [event id] and name, the
/// formatted message, each structured value, the exception with its inner exceptions; scopes as their own line).
/// </summary>
public sealed class CapturingLoggerProvider : ILoggerProvider, ILoggerFactory
{
    private readonly ConcurrentQueue<LogEntry> _entries = new();

    /// <summary>Every entry and scope as text, in order.</summary>
    public ConcurrentQueue<string> Lines { get; } = new();

    /// <summary>Every entry, in order (scopes not included).</summary>
    public IReadOnlyList<LogEntry> Entries => [.. _entries];

    /// <inheritdoc/>
    public ILogger CreateLogger(string categoryName) => new CapturingLogger(this, categoryName);

    /// <inheritdoc/>
    public void AddProvider(ILoggerProvider provider)
    {
    }

    /// <inheritdoc/>
    public void Dispose()
    {
    }

    /// <summary>One captured entry.</summary>
    public sealed record LogEntry(string Category, LogLevel Level, EventId EventId, string Message, Exception? Exception);

    private sealed class CapturingLogger(CapturingLoggerProvider owner, string category) : ILogger
    {
        public IDisposable? BeginScope<TState>(TState state) where TState : notnull
        {
            owner.Lines.Enqueue($"scope {category} {state}");
            return null;
        }

        public bool IsEnabled(LogLevel logLevel) => true;

        public void Log<TState>(LogLevel logLevel, EventId eventId, TState state, Exception? exception, Func<TState, Exception?, string> formatter)
        {
            var message = formatter(state, exception);
            owner._entries.Enqueue(new LogEntry(category, logLevel, eventId, message, exception));
            var parts = new List<string> { $"{logLevel} {category} [{eventId.Id}] {eventId.Name}: {message}" };
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
