using Microsoft.Extensions.Logging;

namespace Ravi.Sdk.IntegrationTests.Sdk.Support;

/// <summary>One category's logger for <see cref="CapturingLoggerProvider"/>; always enabled.</summary>
internal sealed class CapturingLogger(CapturingLoggerProvider owner, string category) : ILogger
{
    public IDisposable? BeginScope<TState>(TState state) where TState : notnull
    {
        owner.Add($"scope {category} {state}");
        return null;
    }

    public bool IsEnabled(LogLevel logLevel) => true;

    public void Log<TState>(LogLevel logLevel, EventId eventId, TState state, Exception? exception, Func<TState, Exception?, string> formatter)
    {
        var parts = new List<string> { $"{logLevel} {category} [{eventId.Id}:{eventId.Name}] {formatter(state, exception)}" };
        if (state is IEnumerable<KeyValuePair<string, object?>> values)
        {
            parts.AddRange(values.Select(kv => $"{kv.Key}={kv.Value}"));
        }

        if (exception is not null)
        {
            parts.Add(exception.ToString());
        }

        owner.Add(string.Join(" | ", parts));
    }
}
