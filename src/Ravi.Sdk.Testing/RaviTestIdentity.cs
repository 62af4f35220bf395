namespace Ravi.Sdk.Testing;

/// <summary>An identity on a <see cref="RaviTestServer"/> (a snapshot taken when it was created).</summary>
public sealed record RaviTestIdentity
{
    /// <summary>The identity UUID (the <c>X-Ravi-Identity</c> value).</summary>
    public required string Uuid { get; init; }

    /// <summary>The identity name.</summary>
    public required string Name { get; init; }

    /// <summary>The email address, <c>&lt;name&gt;@in.ravi.test</c> by default.</summary>
    public required string Inbox { get; init; }

    /// <summary>The phone number in E.164 form, <c>+1555…</c>.</summary>
    public required string PhoneNumber { get; init; }

    /// <summary>The owning user's id.</summary>
    public required long UserId { get; init; }

    /// <summary>
    /// The identity's numeric id: what <see cref="RaviTestServerDialect.Cli"/> sends as <c>identity</c> in password
    /// entries and vault secrets (the documented dialect sends <see cref="Uuid"/>).
    /// </summary>
    public long Id { get; init; }

    /// <summary>The id of the identity's email address record (<c>GET /api/email/</c> and compose's <c>?inbox=</c> in <see cref="RaviTestServerDialect.Cli"/>).</summary>
    public long InboxId { get; init; }
}
