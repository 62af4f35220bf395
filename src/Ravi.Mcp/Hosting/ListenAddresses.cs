using System.Net;

namespace Ravi.Mcp.Hosting;

/// <summary>Which listen addresses stay on this machine.</summary>
internal static class ListenAddresses
{
    /// <summary>Whether the URL binds only loopback (127.0.0.0/8, ::1 or localhost).</summary>
    public static bool IsLoopback(Uri url)
    {
        ArgumentNullException.ThrowIfNull(url);
        if (string.Equals(url.Host, "localhost", StringComparison.OrdinalIgnoreCase))
        {
            return true;
        }

        return IPAddress.TryParse(url.Host.Trim('[', ']'), out var address) && IPAddress.IsLoopback(address);
    }

    /// <summary>The address Kestrel listens on; <see langword="null"/> for <c>localhost</c> (both loopbacks).</summary>
    public static IPAddress? Parse(Uri url)
    {
        ArgumentNullException.ThrowIfNull(url);
        var host = url.Host.Trim('[', ']');
        if (string.Equals(host, "localhost", StringComparison.OrdinalIgnoreCase))
        {
            return null;
        }

        return IPAddress.TryParse(host, out var address)
            ? address
            : throw new ArgumentException($"'{url.Host}' is not an IP address or localhost: ravi-mcp listens on addresses, not host names.", nameof(url));
    }
}
