namespace Ravi.Sdk.Testing;

/// <summary>
/// Which variant of the Ravi API a <see cref="RaviTestServer"/> speaks (<see cref="RaviTestServerOptions.Dialect"/>).
/// docs/compatibility.md lists every difference and what the SDK sends and accepts for each.
/// </summary>
public enum RaviTestServerDialect
{
    /// <summary>The API as documented (the default).</summary>
    Documented,

    /// <summary>
    /// The service the official Go CLI (<c>ravi-hq/cli</c> at commit <c>bcc6751</c>) was written for: numeric
    /// <c>identity</c> in password entries and vault secrets; <c>/api/email-messages/</c> as a bare array;
    /// <c>GET /api/encryption/</c> answering 200 with empty fields before setup; <c>?key=</c> filtering on
    /// <c>/api/vault/</c>; <c>has_unread=true</c> (inboxes) and <c>is_read=false</c> (message lists) honoured while
    /// <c>unread=true</c> is ignored; <c>PATCH</c> (not <c>PUT</c>) on password entries;
    /// <c>/api/passwords/generate-password/</c> instead of <c>generate_password/</c>; compose and reply accepting the
    /// CLI's <c>to_email</c>, <c>content</c>, <c>cc</c>/<c>bcc</c> arrays and <c>?inbox=&lt;id&gt;</c> (as well as the
    /// documented fields); and the CLI-only endpoints <c>GET /api/email/</c>, <c>GET /api/master/</c> and
    /// <c>POST /api/email-messages/{id}/forward/</c>.
    /// </summary>
    Cli,
}
