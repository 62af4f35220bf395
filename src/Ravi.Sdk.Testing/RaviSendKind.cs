namespace Ravi.Sdk.Testing;

/// <summary>How an outbound email was sent.</summary>
public enum RaviSendKind
{
    /// <summary><c>POST /api/email-messages/compose/</c>.</summary>
    Compose,

    /// <summary><c>POST /api/email-messages/{id}/reply/</c>.</summary>
    Reply,

    /// <summary><c>POST /api/email-messages/{id}/reply-all/</c>.</summary>
    ReplyAll,

    /// <summary><c>POST /api/email-messages/{id}/forward/</c> (only in <see cref="RaviTestServerDialect.Cli"/>).</summary>
    Forward,
}
