using System.Globalization;
using System.Text;

namespace Ravi.Sdk.Http;

/// <summary>Builds a URL query string with RFC 3986 escaping; null values are left out.</summary>
internal sealed class QueryString
{
    private readonly StringBuilder _builder = new();

    public QueryString Add(string name, string? value)
    {
        if (value is null)
        {
            return this;
        }

        _builder.Append(_builder.Length == 0 ? '?' : '&')
            .Append(Uri.EscapeDataString(name))
            .Append('=')
            .Append(Uri.EscapeDataString(value));
        return this;
    }

    public QueryString Add(string name, bool? value) =>
        value is null ? this : Add(name, value.Value ? "true" : "false");

    public QueryString Add(string name, int? value) =>
        value is null ? this : Add(name, value.Value.ToString(CultureInfo.InvariantCulture));

    public override string ToString() => _builder.ToString();
}
