namespace Ravi.Sdk.Tests.Support;

/// <summary>Assertions on the exact shape of an API request.</summary>
internal static class RequestAssert
{
    /// <summary>
    /// Asserts method, full URL (path and query), the SDK's standard headers, the identity header (present with the
    /// harness identity exactly when <paramref name="identity"/>), the bearer token (unless <paramref name="bearer"/> is
    /// false, then it must be absent) and the exact JSON body bytes (or no content at all when <paramref name="json"/> is null).
    /// </summary>
    public static void Api(RecordedRequest request, HttpMethod method, string relativePathAndQuery, bool identity, string? json = null, bool bearer = true)
    {
        Assert.Equal(method, request.Method);
        Assert.Equal(WireHarness.Base + relativePathAndQuery, request.Uri.AbsoluteUri);
        Assert.Equal("application/json", request.Header("Accept"));
        Assert.StartsWith("Ravi.Sdk/", request.Header("User-Agent"));
        if (bearer)
        {
            Assert.Equal("Bearer " + WireHarness.Token, request.Header("Authorization"));
        }
        else
        {
            Assert.Null(request.Header("Authorization"));
        }

        if (identity)
        {
            Assert.Equal(WireHarness.IdentityUuid, request.Header("X-Ravi-Identity"));
        }
        else
        {
            Assert.Null(request.Header("X-Ravi-Identity"));
        }

        if (json is null)
        {
            Assert.Null(request.Body);
            Assert.Null(request.ContentHeaders);
        }
        else
        {
            Assert.Equal("application/json", request.ContentHeader("Content-Type"));
            Assert.Equal(json, request.BodyText);
            Assert.Equal(request.Body!.Length.ToString(System.Globalization.CultureInfo.InvariantCulture), request.ContentHeader("Content-Length"));
        }
    }
}
