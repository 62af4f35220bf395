using System.Collections.Concurrent;
using System.Net;
using System.Text;

namespace Ravi.Sdk.Tests;

/// <summary>
/// A stub server that answers per identity: vault lists and phone lists are derived from the <c>X-Ravi-Identity</c>
/// header, and a secret's UUID encodes the identity that owns it, so a request carrying another identity's header is
/// detected. Introduces small random delays so concurrent requests interleave.
/// </summary>
internal sealed class PerIdentityServer : HttpMessageHandler
{
    public ConcurrentQueue<(string? Identity, string Path)> Requests { get; } = new();

    public ConcurrentQueue<string> Violations { get; } = new();

    /// <summary>identity "0000002a-0000-4000-8000-00000000002a" → secret "0000002a-5ec2-4000-8000-00000000002a".</summary>
    public static string SecretOf(string identity) => identity[..9] + "5ec2" + identity[13..];

    public static string IdentityOf(int i) => $"{i:x8}-0000-4000-8000-{i:x12}";

    protected override async Task<HttpResponseMessage> SendAsync(HttpRequestMessage request, CancellationToken cancellationToken)
    {
        await Task.Delay(Random.Shared.Next(0, 3), cancellationToken);
        var identity = request.Headers.TryGetValues("X-Ravi-Identity", out var values) ? values.Single() : null;
        var path = request.RequestUri!.AbsolutePath;
        Requests.Enqueue((identity, path));

        string json;
        if (path == "/api/identities/")
        {
            if (identity is not null)
            {
                Violations.Enqueue($"account-level {path} carried identity {identity}");
            }

            json = "[]";
        }
        else if (identity is null)
        {
            Violations.Enqueue($"{path} without identity");
            return new HttpResponseMessage(HttpStatusCode.BadRequest);
        }
        else if (path == "/api/vault/")
        {
            json = Secret(identity, SecretOf(identity), null);
        }
        else if (path.StartsWith("/api/vault/", StringComparison.Ordinal))
        {
            var secret = path["/api/vault/".Length..^1];
            if (secret != SecretOf(identity))
            {
                Violations.Enqueue($"secret {secret} requested with identity {identity}");
            }

            json = Secret(identity, secret, "\"value-of-" + identity + "\"");
        }
        else if (path == "/api/phone/")
        {
            json = $$"""[{"id":1,"phone_number":"+1555{{identity[..8]}}","provider":"test"}]""";
        }
        else
        {
            Violations.Enqueue("unexpected " + path);
            return new HttpResponseMessage(HttpStatusCode.NotFound);
        }

        if (path == "/api/vault/")
        {
            json = "[" + json + "]";
        }

        return new HttpResponseMessage(HttpStatusCode.OK) { Content = new StringContent(json, Encoding.UTF8, "application/json") };
    }

    private static string Secret(string identity, string uuid, string? value) =>
        $$"""{"uuid":"{{uuid}}","identity":"{{identity}}","key":"KEY_{{identity[..8]}}","value":{{value ?? "null"}}}""";
}
