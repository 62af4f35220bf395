using Microsoft.Extensions.Logging;
using Ravi.Sdk.Auth;
using Ravi.Sdk.Http;
using Ravi.Sdk.Internal;
using Ravi.Sdk.Resources;

namespace Ravi.Sdk;

/// <summary>
/// The Ravi API client: one typed sub-client per resource over one shared, thread-safe HTTP pipeline.
/// Create one per account and share it; call <see cref="ForIdentity(string)"/> to get a cheap view scoped to an identity
/// (there is no mutable "current identity", so any number of agents can use one client concurrently).
/// </summary>
public class RaviClient : IDisposable
{
    private readonly RaviScope? _scope;
    private readonly bool _ownsPipeline;
    private AuthClient? _auth;
    private IdentitiesClient? _identities;
    private EmailInboxClient? _emailInbox;
    private EmailMessagesClient? _emailMessages;
    private AttachmentsClient? _attachments;
    private SmsInboxClient? _smsInbox;
    private SmsMessagesClient? _smsMessages;
    private PasswordsClient? _passwords;
    private VaultClient? _vault;
    private EncryptionClient? _encryption;
    private PhoneClient? _phone;
    private EventsClient? _events;
    private OtpClient? _otp;
    private SubscriptionClient? _subscription;
    private TotpClient? _totp;

    /// <summary>Creates a client that owns its own HTTP connection pool.</summary>
    /// <param name="options">The settings; validated, then copied (changing them afterwards does not affect the client).</param>
    /// <exception cref="ArgumentException">An option is invalid.</exception>
    public RaviClient(RaviClientOptions options)
        : this(RaviClientSettings.From(options), static _ => (RaviTransport.CreateDefault(), true), null)
    {
    }

    /// <summary>
    /// Creates a client over the caller's <see cref="HttpClient"/> (which the caller keeps owning). The SDK's auth, retry
    /// and identity handling still apply on top of it.
    /// </summary>
    /// <remarks>
    /// The SDK applies its own per-attempt and overall timeouts, so give it a client whose <see cref="HttpClient.Timeout"/> is
    /// <see cref="Timeout.InfiniteTimeSpan"/> (as <c>AddRavi</c> does): the 100 s default would cut event streams and long OTP waits.
    /// Non-ASCII <c>Last-Event-ID</c> values need the handler's <c>RequestHeaderEncodingSelector</c> to return UTF-8.
    /// Give it a handler with <c>AllowAutoRedirect = false</c> (the default of .NET's handlers is on): the SDK follows safe
    /// redirects itself and cannot switch off your handler's. When your handler follows a redirect to another origin, the
    /// request may already have reached that host (.NET drops <c>Authorization</c> on a redirect, but not the other
    /// headers, and a 307/308 resends the body); the SDK then refuses the answer with <see cref="RaviRedirectException"/>.
    /// Do not put a retrying handler in it either: the SDK retries by itself, and only what is safe to repeat.
    /// The SDK's own transport sets <c>MaxResponseDrainSize = 0</c>, so that an event stream the caller stops closes its
    /// connection at once; with .NET's default (1 MiB within 2 s) a stopped stream keeps its connection for up to 2 s.
    /// </remarks>
    /// <param name="httpClient">The client to send through; its <c>BaseAddress</c> is ignored in favour of <see cref="RaviClientOptions.BaseAddress"/>.</param>
    /// <param name="options">The settings; validated, then copied (changing them afterwards does not affect the client).</param>
    public RaviClient(HttpClient httpClient, RaviClientOptions options)
        : this(RaviClientSettings.From(options), _ => (new HttpClientForwardingHandler(CheckClient(httpClient)), true), null)
    {
    }

    /// <summary>
    /// Constructor for mocking frameworks: a client created this way has no pipeline, and every member the fake does not
    /// override throws <see cref="InvalidOperationException"/> naming it (except <see cref="IdentityUuid"/>, null, and
    /// <see cref="ToString"/>).
    /// </summary>
    protected RaviClient()
    {
    }

    internal RaviClient(RaviClientOptions options, Func<RaviClientSettings, (HttpMessageHandler Handler, bool Dispose)> transportFactory, ILoggerFactory? loggerFactory, RaviEnvironment? environment = null)
        : this(RaviClientSettings.From(options), transportFactory, loggerFactory, environment)
    {
    }

    internal RaviClient(RaviClientSettings preparedOptions, Func<RaviClientSettings, (HttpMessageHandler Handler, bool Dispose)> transportFactory, ILoggerFactory? loggerFactory, RaviEnvironment? environment = null)
    {
        // Credential and identity chains (docs/authentication.md#the-credential-chain): explicit options, then environment variables and the CLI's files — run
        // lazily, on first use, never here (a client is cheap to build and follows the files as they change).
        environment ??= RaviEnvironment.System;
        var authLogger = (loggerFactory ?? preparedOptions.LoggerFactory ?? Microsoft.Extensions.Logging.Abstractions.NullLoggerFactory.Instance).CreateLogger(Diagnostics.RaviLogCategories.Auth);
        var (credential, credentialSource) = RaviCliConfiguration.CreateCredential(preparedOptions, environment, authLogger);
        RaviAuthLog.CredentialSource(authLogger, credentialSource);

        var (handler, dispose) = transportFactory(preparedOptions);
        var pipeline = new RaviPipeline(preparedOptions, handler, dispose, loggerFactory, credential);
        _scope = preparedOptions.IdentityUuid is not null || !preparedOptions.UseCliConfiguration
            ? new RaviScope(pipeline, new RaviSharedState(), preparedOptions.IdentityUuid)
            : new RaviScope(pipeline, new RaviSharedState(), () => ResolveIdentity(preparedOptions, environment, authLogger));
        _ownsPipeline = true;
    }

    private RaviClient(RaviScope scope)
    {
        _scope = scope;
        _ownsPipeline = false;
    }

    /// <summary>
    /// The identity this client is scoped to, or <see langword="null"/> for an account-level client (and for a client
    /// created for mocking that does not override it: a fake is account-level unless it says otherwise). Without an
    /// explicit one, the first read runs the identity chain (<c>config.json</c>, see the authentication docs).
    /// </summary>
    public virtual string? IdentityUuid => _scope?.IdentityUuid;

    /// <summary>The API host this client talks to.</summary>
    public virtual Uri BaseAddress => ScopeFor().Pipeline.BaseAddress;

    /// <summary>Login, logout, device-code flow, token refresh and the current user.</summary>
    public virtual AuthClient Auth => _auth ?? Init(ref _auth, new AuthClient(ScopeFor()));

    /// <summary>List, create, get, update and delete identities.</summary>
    public virtual IdentitiesClient Identities => _identities ?? Init(ref _identities, new IdentitiesClient(ScopeFor()));

    /// <summary>The identity's email threads.</summary>
    public virtual EmailInboxClient EmailInbox => _emailInbox ?? Init(ref _emailInbox, new EmailInboxClient(ScopeFor()));

    /// <summary>Email messages: list, get, compose, reply, reply-all.</summary>
    public virtual EmailMessagesClient EmailMessages => _emailMessages ?? Init(ref _emailMessages, new EmailMessagesClient(ScopeFor()));

    /// <summary>Email attachment uploads (presign + direct upload).</summary>
    public virtual AttachmentsClient Attachments => _attachments ?? Init(ref _attachments, new AttachmentsClient(ScopeFor()));

    /// <summary>The identity's SMS conversations.</summary>
    public virtual SmsInboxClient SmsInbox => _smsInbox ?? Init(ref _smsInbox, new SmsInboxClient(ScopeFor()));

    /// <summary>SMS messages.</summary>
    public virtual SmsMessagesClient SmsMessages => _smsMessages ?? Init(ref _smsMessages, new SmsMessagesClient(ScopeFor()));

    /// <summary>Website credentials (end-to-end encrypted fields).</summary>
    public virtual PasswordsClient Passwords => _passwords ?? Init(ref _passwords, new PasswordsClient(ScopeFor()));

    /// <summary>Named secrets (end-to-end encrypted values).</summary>
    public virtual VaultClient Vault => _vault ?? Init(ref _vault, new VaultClient(ScopeFor()));

    /// <summary>End-to-end encryption: metadata, PIN setup and unlock.</summary>
    public virtual EncryptionClient Encryption => _encryption ?? Init(ref _encryption, new EncryptionClient(ScopeFor()));

    /// <summary>The identity's phone numbers.</summary>
    public virtual PhoneClient Phone => _phone ?? Init(ref _phone, new PhoneClient(ScopeFor()));

    /// <summary>The real-time event stream (SSE) of inbound email and SMS.</summary>
    public virtual EventsClient Events => _events ?? Init(ref _events, new EventsClient(ScopeFor()));

    /// <summary>Helpers that wait for OTP codes, emails and verification links.</summary>
    public virtual OtpClient Otp => _otp ?? Init(ref _otp, NewOtp(ScopeFor()));

    /// <summary>Two-factor (TOTP) codes: secrets enrolled in the identity's vault, codes computed locally.</summary>
    public virtual TotpClient Totp => _totp ?? Init(ref _totp, new TotpClient(Checked()));

    /// <summary>The account's subscription.</summary>
    public virtual SubscriptionClient Subscription => _subscription ?? Init(ref _subscription, new SubscriptionClient(ScopeFor()));

    internal RaviScope Scope => ScopeFor(nameof(Scope));

    /// <summary>
    /// Returns a view of this client scoped to an identity: it shares the connection pool, credentials and unlocked key,
    /// and sends <c>X-Ravi-Identity</c> on identity-scoped endpoints. Cheap; no need to dispose.
    /// </summary>
    /// <param name="identityUuid">The identity's UUID.</param>
    /// <returns>The scoped view.</returns>
    /// <exception cref="ArgumentException"><paramref name="identityUuid"/> is null, empty or not a UUID.</exception>
    /// <exception cref="InvalidOperationException">The client was created for mocking and this member is not overridden.</exception>
    public virtual RaviClient ForIdentity(string identityUuid)
    {
        var scope = ScopeFor();
        Guard.Uuid(identityUuid);
        return new RaviClient(new RaviScope(scope.Pipeline, scope.Shared, identityUuid));
    }

    /// <inheritdoc/>
    public override string ToString() =>
        _scope is null ? "RaviClient (mock)" : $"RaviClient {{ BaseAddress = {_scope.Pipeline.BaseAddress}, IdentityUuid = {_scope.Describe()} }}";

    /// <summary>Disposes the connection pool and clears keys (only on the root client; views share them and are no-ops).</summary>
    public void Dispose()
    {
        Dispose(true);
        GC.SuppressFinalize(this);
    }

    /// <summary>Releases resources.</summary>
    /// <param name="disposing">True when called from <see cref="Dispose()"/>.</param>
    protected virtual void Dispose(bool disposing)
    {
        if (disposing && _ownsPipeline && _scope is not null)
        {
            _scope.Shared.Dispose();
            _scope.Pipeline.Dispose();
        }
    }

    /// <summary>The pipeline scope; on a client created for mocking, the error naming the member that was not overridden.</summary>
    private RaviScope ScopeFor([System.Runtime.CompilerServices.CallerMemberName] string member = "") =>
        _scope ?? throw RaviMock.NotOverridden(GetType(), member);

    private RaviClient Checked([System.Runtime.CompilerServices.CallerMemberName] string member = "")
    {
        _ = ScopeFor(member);
        return this;
    }

    // The OTP waits read the view's inboxes and events through sub-clients of their own (not the virtual properties).
    private static OtpClient NewOtp(RaviScope scope) => new(scope, new SmsInboxClient(scope), new EmailInboxClient(scope), new EventsClient(scope));

    // Publishes a lazily created sub-client once, so concurrent first accesses all get the same instance.
    private static T Init<T>(ref T? field, T value)
        where T : class =>
        Interlocked.CompareExchange(ref field, value, null) ?? value;

    private static string? ResolveIdentity(RaviClientSettings options, RaviEnvironment environment, ILogger logger)
    {
        var (identityUuid, source) = RaviCliConfiguration.ResolveIdentity(options, environment, logger);
        if (identityUuid is not null)
        {
            RaviAuthLog.IdentitySource(logger, identityUuid, source!);
        }

        return identityUuid;
    }

    private static Func<HttpClient> CheckClient(HttpClient httpClient)
    {
        ArgumentNullException.ThrowIfNull(httpClient);
        return () => httpClient;
    }
}
