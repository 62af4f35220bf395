using System.Buffers.Text;
using System.Text;

namespace Ravi.Sdk.Tests.Support;

/// <summary>Builds unsigned JWT-shaped tokens with a chosen <c>exp</c> (the SDK never validates signatures).</summary>
internal static class TestJwt
{
    private static int _counter;

    public static string Create(DateTimeOffset expires, string subject = "user")
    {
        var header = Base64Url.EncodeToString(Encoding.UTF8.GetBytes("{\"alg\":\"HS256\",\"typ\":\"JWT\"}"));
        var n = Interlocked.Increment(ref _counter);
        var payload = Base64Url.EncodeToString(Encoding.UTF8.GetBytes(
            $"{{\"token_type\":\"access\",\"sub\":\"{subject}\",\"jti\":\"j{n}\",\"exp\":{expires.ToUnixTimeSeconds()}}}"));
        var signature = Base64Url.EncodeToString(Encoding.UTF8.GetBytes("sig-" + n));
        return $"{header}.{payload}.{signature}";
    }
}
