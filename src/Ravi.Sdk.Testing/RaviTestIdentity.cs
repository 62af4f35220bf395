namespace Ravi.Sdk.Testing;

/// <summary>An identity on a <see cref="RaviTestServer"/> (a snapshot taken when it was created).</summary>
/// <param name="Uuid">The identity UUID (the <c>X-Ravi-Identity</c> value).</param>
/// <param name="Name">The identity name.</param>
/// <param name="Inbox">The email address, <c>&lt;name&gt;@in.ravi.test</c> by default.</param>
/// <param name="Phone">The phone number in E.164 form, <c>+1555…</c>.</param>
/// <param name="UserId">The owning user's id.</param>
public sealed record RaviTestIdentity(string Uuid, string Name, string Inbox, string Phone, long UserId);
