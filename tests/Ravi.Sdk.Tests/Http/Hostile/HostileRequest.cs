using System.Text;

namespace Ravi.Sdk.Tests.Http.Hostile;

/// <summary>One request as a <see cref="HostileServer"/> read it off the socket (request line, headers, body).</summary>
internal sealed class HostileRequest
{
    public HostileRequest(string method, string target, IReadOnlyDictionary<string, string> headers, byte[] body, int connection)
    {
        Method = method;
        Target = target;
        Headers = headers;
        Body = body;
        Connection = connection;
    }

    public string Method { get; }

    /// <summary>The request target as sent (path and query).</summary>
    public string Target { get; }

    public string Path => Target.Split('?', 2)[0];

    /// <summary>Header values by name (case-insensitive); repeated headers joined with ", ".</summary>
    public IReadOnlyDictionary<string, string> Headers { get; }

    public byte[] Body { get; }

    public string BodyText => Encoding.UTF8.GetString(Body);

    /// <summary>Which accepted connection (1, 2, …) carried the request.</summary>
    public int Connection { get; }

    public string? Header(string name) => Headers.TryGetValue(name, out var value) ? value : null;

    public override string ToString() => $"{Method} {Target} (connection {Connection})";
}
