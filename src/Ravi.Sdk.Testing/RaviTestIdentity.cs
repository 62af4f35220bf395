namespace Ravi.Sdk.Testing;

/// <summary>An identity on a <see cref="RaviTestServer"/> (a snapshot taken when it was created).</summary>
/// <param name="Uuid">The identity UUID (the <c>X-Ravi-Identity</c> value).</param>
/// <param name="Name">The identity name.</param>
/// <param name="Inbox">The email address, <c>&lt;name&gt;@in.ravi.test</c> by default.</param>
/// <param name="Phone">The phone number in E.164 form, <c>+1555…</c>.</param>
/// <param name="UserId">The owning user's id.</param>
public sealed record RaviTestIdentity(string Uuid, string Name, string Inbox, string Phone, long UserId)
{
    /// <summary>
    /// The identity's numeric id: what <see cref="RaviTestServerDialect.Cli"/> sends as <c>identity</c> in password
    /// entries and vault secrets (the documented dialect sends <see cref="Uuid"/>).
    /// </summary>
    public long Id { get; init; }

    /// <summary>The id of the identity's email address record (<c>GET /api/email/</c> and compose's <c>?inbox=</c> in <see cref="RaviTestServerDialect.Cli"/>).</summary>
    public long InboxId { get; init; }
}
