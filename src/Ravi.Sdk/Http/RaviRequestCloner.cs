namespace Ravi.Sdk.Http;

/// <summary>
/// Makes the fresh <see cref="HttpRequestMessage"/> each wire attempt sends: same method, version, headers, options and
/// body, optionally another URI (a redirect hop). A message is never sent twice, so nothing a transport did to one
/// attempt (e.g. rewriting its <c>RequestUri</c>) carries over to the next.
/// </summary>
internal static class RaviRequestCloner
{
    /// <summary>Copies <paramref name="source"/>. A <see cref="RaviReplayableContent"/> or <see cref="RaviStreamContent"/> body is cloned; any other body is shared (it can be sent once).</summary>
    public static HttpRequestMessage Clone(HttpRequestMessage source, Uri? requestUri = null)
    {
        var copy = new HttpRequestMessage(source.Method, requestUri ?? source.RequestUri)
        {
            Version = source.Version,
            VersionPolicy = source.VersionPolicy,
            Content = source.Content switch
            {
                RaviReplayableContent replayable => replayable.Clone(),
                RaviStreamContent stream => stream.Clone(),
                var other => other,
            },
        };

        foreach (var header in source.Headers.NonValidated)
        {
            // One value (the usual case) as a string: no boxing of the value collection.
            _ = header.Value.Count == 1
                ? copy.Headers.TryAddWithoutValidation(header.Key, header.Value.ToString())
                : copy.Headers.TryAddWithoutValidation(header.Key, header.Value);
        }

        var options = (IDictionary<string, object?>)copy.Options;
        foreach (var option in source.Options)
        {
            options[option.Key] = option.Value;
        }

        return copy;
    }
}
