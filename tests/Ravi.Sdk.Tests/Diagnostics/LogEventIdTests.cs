using System.Reflection;
using Microsoft.Extensions.Logging;
using Ravi.Sdk.Diagnostics;

namespace Ravi.Sdk.Tests.Diagnostics;

/// <summary>Every log message of the SDK has its own event id, inside its area's range (see <see cref="RaviLogCategories"/>).</summary>
public sealed class LogEventIdTests
{
    private static readonly Dictionary<string, (int From, int To)> Ranges = new(StringComparer.Ordinal)
    {
        ["Ravi.Sdk.Http"] = (1000, 1999),
        ["Ravi.Sdk.Events"] = (2000, 2999),
        ["Ravi.Sdk.Auth"] = (3000, 3999),
        ["Ravi.Sdk.Otp"] = (4000, 4999),
        ["Ravi.Sdk.DependencyInjection"] = (5000, 5999),
    };

    private static List<(string Message, int Id, string Area)> Messages() =>
        [.. typeof(RaviClient).Assembly.GetTypes()
            .SelectMany(t => t.GetMethods(BindingFlags.Static | BindingFlags.Public | BindingFlags.NonPublic | BindingFlags.DeclaredOnly))
            .Select(m => (Method: m, Attribute: m.GetCustomAttribute<LoggerMessageAttribute>()))
            .Where(x => x.Attribute is not null)
            .Select(x => ($"{x.Method.DeclaringType!.Name}.{x.Method.Name}", x.Attribute!.EventId, x.Method.DeclaringType!.Namespace!.Split('.')[^1]))];

    [Fact]
    public void Every_event_id_is_used_once()
    {
        var messages = Messages();
        Assert.True(messages.Count >= 30, $"only {messages.Count} log messages found");
        var duplicates = messages.GroupBy(m => m.Id).Where(g => g.Count() > 1).Select(g => $"{g.Key}: {string.Join(", ", g.Select(m => m.Message))}").ToList();
        Assert.Empty(duplicates);
    }

    [Fact]
    public void Every_event_id_is_inside_its_areas_range()
    {
        var areaCategory = new Dictionary<string, string>(StringComparer.Ordinal)
        {
            ["Http"] = RaviLogCategories.Http,
            ["Events"] = RaviLogCategories.Events,
            ["Auth"] = RaviLogCategories.Auth,
            ["Otp"] = RaviLogCategories.Otp,
            ["DependencyInjection"] = RaviLogCategories.DependencyInjection,
        };
        var outside = Messages()
            .Where(m => !areaCategory.TryGetValue(m.Area, out var category) || m.Id < Ranges[category].From || m.Id > Ranges[category].To)
            .Select(m => $"{m.Message} = {m.Id} ({m.Area})")
            .ToList();
        Assert.Empty(outside);
    }
}
