using Microsoft.Extensions.Logging;

namespace Ravi.Sdk.Agents;

/// <summary>
/// Shapes the Ravi tool catalog built by <see cref="RaviTools.Create(RaviClient, RaviToolOptions?)"/>: which tools exist,
/// which identity they act for, how long waits last and what needs approval.
/// </summary>
/// <remarks>
/// The options are read once, when the catalog is built; later changes to this instance do not affect it.
/// </remarks>
public sealed class RaviToolOptions
{
    /// <summary>The default of <see cref="DefaultWaitTimeout"/>: 50 s, under the 60 s request timeout common in MCP hosts.</summary>
    public static readonly TimeSpan DefaultWaitTimeoutValue = TimeSpan.FromSeconds(50);

    /// <summary>The default of <see cref="MaxWaitTimeout"/>: 170 s, under the 180 s tool timeout of hosts such as Revka.</summary>
    public static readonly TimeSpan DefaultMaxWaitTimeoutValue = TimeSpan.FromSeconds(170);

    /// <summary>
    /// Pins the catalog to one identity (its UUID). The tools then act for that identity only: their <c>identity</c>
    /// parameter disappears from every schema, and the account-level tools <c>list_identities</c>, <c>create_identity</c>
    /// and <c>delete_identity</c> are left out. Default <see langword="null"/>: every identity-scoped tool takes an
    /// <c>identity</c> argument (the identity's UUID or name), optional when the <see cref="RaviClient"/> itself is scoped
    /// to an identity (<see cref="RaviClient.IdentityUuid"/>, e.g. from the CLI's <c>config.json</c>), which is then the default.
    /// </summary>
    public string? IdentityUuid { get; set; }

    /// <summary>
    /// Leaves out every tool that creates, changes, deletes or sends anything. Reading tools and the waits
    /// (<c>wait_for_code</c>, <c>wait_for_link</c>, <c>wait_for_email</c>) stay: a wait changes nothing stored, though a
    /// message it returned is not returned by a later wait (consume-once) and it is marked read. Default <see langword="false"/>.
    /// </summary>
    public bool ReadOnly { get; set; }

    /// <summary>
    /// When set, only the tools named here (snake_case, as in <see cref="RaviTools.ToolNames"/>) are in the catalog.
    /// A name that is not a Ravi tool fails <see cref="RaviTools.Create(RaviClient, RaviToolOptions?)"/>, so a typo cannot
    /// silently remove a tool. Applied together with <see cref="ReadOnly"/> and <see cref="IdentityUuid"/>.
    /// </summary>
    public IList<string>? AllowedTools { get; set; }

    /// <summary>
    /// Which tools are wrapped in <see cref="Microsoft.Extensions.AI.ApprovalRequiredAIFunction"/>, so that a function-invoking
    /// client (or an agent framework) asks a human before running them. Default <see cref="RaviToolApproval.None"/>.
    /// </summary>
    public RaviToolApproval Approval { get; set; } = RaviToolApproval.None;

    /// <summary>
    /// How far back a wait looks for a message that arrived before the call: a code that came in while the model was
    /// still deciding to call <c>wait_for_code</c> is found. Consume-once keeps a message from being returned by two
    /// waits. Default 60 s; zero looks only at messages that arrive during the call (plus the SDK's clock-skew tolerance).
    /// </summary>
    public TimeSpan WaitLookback { get; set; } = TimeSpan.FromSeconds(60);

    /// <summary>How long a wait lasts when the model gives no <c>timeout_seconds</c>. Default 50 s; at most <see cref="MaxWaitTimeout"/>.</summary>
    public TimeSpan DefaultWaitTimeout { get; set; } = DefaultWaitTimeoutValue;

    /// <summary>
    /// The longest wait a model may ask for with <c>timeout_seconds</c>; larger values are refused with a tool error.
    /// Keep it below the host's tool-call timeout. Default 170 s.
    /// </summary>
    public TimeSpan MaxWaitTimeout { get; set; } = DefaultMaxWaitTimeoutValue;

    /// <summary>How often a wait reports progress to an <see cref="IProgress{T}"/> of <see cref="RaviToolProgress"/> when the caller supplied one. Default 5 s.</summary>
    public TimeSpan ProgressInterval { get; set; } = TimeSpan.FromSeconds(5);

    /// <summary>
    /// The longest message body (email or SMS text) a tool returns, in characters; longer bodies are cut and marked
    /// <c>"truncated": true</c>. Bounds what an external sender can push into the model's context. Default 20,000.
    /// </summary>
    public int MaxBodyLength { get; set; } = 20_000;

    /// <summary>The most items a list tool returns (its <c>limit</c> argument may ask for fewer). Default 100.</summary>
    public int MaxListItems { get; set; } = 100;

    /// <summary>
    /// An optional check run before every tool call. Return <see langword="null"/> to proceed, or a sentence telling the
    /// model why the tool cannot run now and what to do (for example "The vault is locked: the PIN in RAVI_PIN is wrong;
    /// fix it and restart the server."). The call then ends with a tool error of code
    /// <see cref="RaviToolErrorCodes.Unavailable"/> carrying that text. Receives the tool's name.
    /// </summary>
    /// <remarks>A host that starts without credentials or with a wrong PIN can serve its tools anyway and answer each call with the reason.</remarks>
    public Func<string, CancellationToken, ValueTask<string?>>? Precondition { get; set; }

    /// <summary>Logs one Warning line (no stack trace) per expected tool failure, and an Error with the exception for unexpected ones. Default: none.</summary>
    public ILoggerFactory? LoggerFactory { get; set; }

    /// <summary>The clock for progress reports. Default <see cref="TimeProvider.System"/>. Waits and TOTP codes use the <see cref="RaviClient"/>'s clock.</summary>
    public TimeProvider TimeProvider { get; set; } = TimeProvider.System;

    /// <summary>Copies these options (the allow-list is copied too).</summary>
    /// <returns>A copy.</returns>
    public RaviToolOptions Clone()
    {
        var copy = (RaviToolOptions)MemberwiseClone();
        copy.AllowedTools = AllowedTools is null ? null : [.. AllowedTools];
        return copy;
    }

    /// <summary>Throws an <see cref="ArgumentException"/> naming the first invalid setting.</summary>
    /// <param name="paramName">The parameter name to report.</param>
    /// <exception cref="ArgumentException">A setting is out of range or the allow-list names an unknown tool.</exception>
    internal void Validate(string paramName)
    {
        static void Require(bool ok, string message, string paramName)
        {
            if (!ok)
            {
                throw new ArgumentException(message, paramName);
            }
        }

        if (IdentityUuid is not null)
        {
            Require(IdentityUuid.Length == 36 && Guid.TryParseExact(IdentityUuid, "D", out _), $"{nameof(IdentityUuid)} must be an identity's UUID.", paramName);
        }

        Require(WaitLookback >= TimeSpan.Zero && WaitLookback <= TimeSpan.FromDays(1), $"{nameof(WaitLookback)} must be between zero and one day.", paramName);
        Require(MaxWaitTimeout >= TimeSpan.FromSeconds(1) && MaxWaitTimeout <= TimeSpan.FromHours(1), $"{nameof(MaxWaitTimeout)} must be between 1 s and 1 hour.", paramName);
        Require(DefaultWaitTimeout >= TimeSpan.FromSeconds(1) && DefaultWaitTimeout <= MaxWaitTimeout, $"{nameof(DefaultWaitTimeout)} must be at least 1 s and not above {nameof(MaxWaitTimeout)}.", paramName);
        Require(ProgressInterval >= TimeSpan.FromMilliseconds(100), $"{nameof(ProgressInterval)} must be at least 100 ms.", paramName);
        Require(MaxBodyLength >= 100, $"{nameof(MaxBodyLength)} must be at least 100.", paramName);
        Require(MaxListItems >= 1, $"{nameof(MaxListItems)} must be at least 1.", paramName);
        Require(TimeProvider is not null, $"{nameof(TimeProvider)} must not be null.", paramName);
        Require(Enum.IsDefined(Approval), $"{nameof(Approval)} is not a valid {nameof(RaviToolApproval)}.", paramName);
        if (AllowedTools is not null)
        {
            foreach (var name in AllowedTools)
            {
                Require(name is not null && RaviTools.ToolNames.Contains(name), $"{nameof(AllowedTools)} names '{name}', which is not a Ravi tool. Known tools: {string.Join(", ", RaviTools.ToolNames)}.", paramName);
            }
        }
    }
}
