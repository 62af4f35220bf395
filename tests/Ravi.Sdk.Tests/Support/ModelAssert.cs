using System.Collections;
using System.Reflection;
using System.Text.Json;
using Xunit.Sdk;

namespace Ravi.Sdk.Tests.Support;

/// <summary>
/// Deep, field-by-field comparison of SDK models: every public property, recursively, lists element by element,
/// <see cref="DateTimeOffset"/> compared exactly (instant and offset). Fails with the path of the first difference.
/// </summary>
internal static class ModelAssert
{
    public static void Equivalent<T>(T expected, T actual) => Compare(expected, actual, typeof(T).Name);

    public static void Sequence<T>(IEnumerable<T> expected, IEnumerable<T> actual) => Compare(expected.ToList(), actual.ToList(), typeof(T).Name + "[]");

    private static void Compare(object? expected, object? actual, string path)
    {
        if (expected is null || actual is null)
        {
            if (expected is null && actual is null)
            {
                return;
            }

            throw Fail(path, expected, actual);
        }

        switch (expected)
        {
            case string s:
                if (!string.Equals(s, actual as string, StringComparison.Ordinal))
                {
                    throw Fail(path, expected, actual);
                }

                return;
            case DateTimeOffset d:
                if (actual is not DateTimeOffset a || !d.EqualsExact(a))
                {
                    throw Fail(path, expected, actual);
                }

                return;
            case JsonElement je:
                if (actual is not JsonElement ja || je.GetRawText() != ja.GetRawText())
                {
                    throw Fail(path, je.GetRawText(), actual is JsonElement x ? x.GetRawText() : actual);
                }

                return;
            case IDictionary dict:
                var other = (IDictionary)actual;
                if (dict.Count != other.Count)
                {
                    throw Fail(path + ".Count", dict.Count, other.Count);
                }

                foreach (DictionaryEntry entry in dict)
                {
                    if (!other.Contains(entry.Key))
                    {
                        throw Fail($"{path}[{entry.Key}]", entry.Value, "<missing>");
                    }

                    Compare(entry.Value, other[entry.Key], $"{path}[{entry.Key}]");
                }

                return;
            case IEnumerable list:
                var e = list.Cast<object?>().ToList();
                var o = ((IEnumerable)actual).Cast<object?>().ToList();
                if (e.Count != o.Count)
                {
                    throw Fail(path + ".Count", e.Count, o.Count);
                }

                for (var i = 0; i < e.Count; i++)
                {
                    Compare(e[i], o[i], $"{path}[{i}]");
                }

                return;
        }

        var type = expected.GetType();
        if (type.IsPrimitive || type.IsEnum || type == typeof(decimal) || type == typeof(TimeSpan) || type == typeof(Guid) || type == typeof(DateTime) || type == typeof(Uri))
        {
            if (!expected.Equals(actual))
            {
                throw Fail(path, expected, actual);
            }

            return;
        }

        if (actual.GetType() != type)
        {
            throw Fail(path + " (type)", type, actual.GetType());
        }

        foreach (var property in type.GetProperties(BindingFlags.Public | BindingFlags.Instance))
        {
            if (property.GetIndexParameters().Length > 0)
            {
                continue;
            }

            Compare(property.GetValue(expected), property.GetValue(actual), path + "." + property.Name);
        }
    }

    private static XunitException Fail(string path, object? expected, object? actual) =>
        new($"Models differ at {path}:{Environment.NewLine}  expected: {Show(expected)}{Environment.NewLine}  actual:   {Show(actual)}");

    private static string Show(object? value) => value switch
    {
        null => "null",
        DateTimeOffset d => d.ToString("O", System.Globalization.CultureInfo.InvariantCulture),
        string s => "\"" + s + "\"",
        _ => value.ToString() ?? "",
    };
}
