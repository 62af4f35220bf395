using System.Net;
using Microsoft.AspNetCore.Builder;
using Microsoft.AspNetCore.Hosting;
using Microsoft.AspNetCore.Hosting.Server;
using Microsoft.AspNetCore.Hosting.Server.Features;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Hosting;
using Ravi.Sdk.Testing.Internal;
using Ravi.Sdk.Testing.Internal.Endpoints;

namespace Ravi.Sdk.Testing;

/// <summary>
/// A real, in-process, Ravi-compatible HTTP server: ASP.NET Core on Kestrel bound to <c>127.0.0.1</c> on a free port,
/// implementing every documented endpoint with in-memory state, the documented status codes and error bodies, a
/// real <c>text/event-stream</c>, and hooks to inject inbound SMS/email and faults. It shares no code with
/// <c>Ravi.Sdk</c>, so it catches client mistakes instead of mirroring them.
/// </summary>
/// <remarks>
/// A user (<see cref="User"/>) is seeded with tokens (<see cref="AccessToken"/>, <see cref="RefreshToken"/>) and, by
/// default, one identity (<see cref="Identity"/>), so a client can connect immediately. All members are thread-safe.
/// API paths must end with <c>/</c> (as on the service); anything else answers 404.
/// <see cref="RaviTestServerOptions.Dialect"/> switches to the variant of the API the official CLI was written for.
/// </remarks>
public sealed partial class RaviTestServer : IAsyncDisposable
{
    private static readonly TimeSpan StopTimeout = TimeSpan.FromSeconds(5);

    private readonly WebApplication _app;
    private readonly ServerState _state;
    private readonly CancellationTokenSource _stopping;
    private readonly RaviTestIdentity? _identity;
    private int _disposed;

    private RaviTestServer(WebApplication app, ServerState state, CancellationTokenSource stopping, Uri baseAddress,
        RaviTestUser user, RaviTestTokens tokens, RaviTestIdentity? identity)
    {
        _app = app;
        _state = state;
        _stopping = stopping;
        BaseAddress = baseAddress;
        User = user;
        AccessToken = tokens.AccessToken;
        RefreshToken = tokens.RefreshToken;
        _identity = identity;
    }

    /// <summary>The server's root, e.g. <c>http://127.0.0.1:54321/</c> (always ending in <c>/</c>).</summary>
    public Uri BaseAddress { get; }

    /// <summary>The seeded user.</summary>
    public RaviTestUser User { get; }

    /// <summary>The seeded user's email (<see cref="RaviTestServerOptions.UserEmail"/>).</summary>
    public string UserEmail => User.Email;

    /// <summary>The seeded user's password (<see cref="RaviTestServerOptions.UserPassword"/>).</summary>
    public string UserPassword => User.Password;

    /// <summary>An access token issued to the seeded user at start (valid for <see cref="RaviTestServerOptions.AccessTokenLifetime"/>).</summary>
    public string AccessToken { get; }

    /// <summary>A refresh token issued to the seeded user at start (single use when refresh tokens rotate).</summary>
    public string RefreshToken { get; }

    /// <summary>
    /// The identity seeded for <see cref="User"/> (named <see cref="RaviTestServerOptions.IdentityName"/>).
    /// Throws <see cref="InvalidOperationException"/> when the options seeded none.
    /// </summary>
    public RaviTestIdentity Identity => _identity ?? throw new InvalidOperationException("No identity was seeded (RaviTestServerOptions.IdentityName is null).");

    /// <summary>The server's clock (<see cref="RaviTestServerOptions.TimeProvider"/>).</summary>
    public TimeProvider TimeProvider => _state.Time;

    /// <summary>The options the server runs with (a copy; changing it has no effect).</summary>
    public RaviTestServerOptions Options => _state.Options.Clone();

    /// <summary>Starts a server on <c>127.0.0.1</c> and a free port.</summary>
    /// <param name="options">Settings; <see langword="null"/> for the defaults.</param>
    /// <param name="cancellationToken">Cancels start-up.</param>
    /// <returns>The running server; dispose it to stop it.</returns>
    /// <exception cref="ArgumentException">A setting of <paramref name="options"/> is invalid (<see cref="ArgumentOutOfRangeException"/> for a value out of range).</exception>
    /// <exception cref="IOException">Kestrel could not listen on loopback.</exception>
    /// <exception cref="OperationCanceledException"><paramref name="cancellationToken"/> was cancelled.</exception>
    public static async Task<RaviTestServer> StartAsync(RaviTestServerOptions? options = null, CancellationToken cancellationToken = default)
    {
        var settings = (options ?? new RaviTestServerOptions()).Clone();
        settings.Validate();
        if (settings.IdentityName is { } seedName)
        {
            ArgumentException.ThrowIfNullOrWhiteSpace(seedName, nameof(options));
            if (IdentityEndpoints.ValidateName(seedName) is { } problem)
            {
                throw new ArgumentException($"IdentityName '{seedName}' is not a valid identity name: {problem}", nameof(options));
            }
        }

        var stopping = new CancellationTokenSource();
        var state = new ServerState(settings, stopping.Token);
        var builder = WebApplication.CreateEmptyBuilder(new WebApplicationOptions { ApplicationName = typeof(RaviTestServer).Assembly.GetName().Name });
        builder.WebHost.UseKestrelCore().ConfigureKestrel(kestrel =>
        {
            kestrel.Listen(IPAddress.Loopback, 0);
            kestrel.AddServerHeader = false;
            kestrel.Limits.MaxRequestBodySize = null; // enforced per route: JSON bodies and attachment sizes
        }).UseSockets(sockets => sockets.MaxWriteBufferSize = 1); // a flush returns once the socket has the bytes: see SseWriter
        builder.Services.AddRoutingCore();
        builder.Services.Configure<HostOptions>(host => host.ShutdownTimeout = StopTimeout);
        builder.Services.AddSingleton<IHostLifetime, PassiveHostLifetime>(); // never swallow the hosting process's SIGTERM / Ctrl+C
        settings.ConfigureLogging?.Invoke(builder.Logging);

        var app = builder.Build();
        try
        {
            ServerMiddleware.Configure(app, state);
            AuthEndpoints.Map(app, state);
            IdentityEndpoints.Map(app, state);
            EmailEndpoints.Map(app, state);
            AttachmentEndpoints.Map(app, state);
            SmsEndpoints.Map(app, state);
            PasswordEndpoints.Map(app, state);
            VaultEndpoints.Map(app, state);
            EncryptionEndpoints.Map(app, state);
            AccountEndpoints.Map(app, state);
            EventStreamEndpoint.Map(app, state);

            RaviTestUser user;
            RaviTestTokens tokens;
            RaviTestIdentity? identity = null;
            lock (state.Sync)
            {
                var record = state.CreateUser(settings.UserEmail, settings.UserPassword, "Test", "Agent");
                user = record.ToPublic();
                tokens = state.IssueTokens(record);
                if (settings.IdentityName is { } name)
                {
                    identity = state.CreateIdentity(record, name).ToPublic();
                }
            }

            await app.StartAsync(cancellationToken).ConfigureAwait(false);
            var address = app.Services.GetRequiredService<IServer>().Features.Get<IServerAddressesFeature>()!.Addresses.First();
            return new RaviTestServer(app, state, stopping, new Uri(address.TrimEnd('/') + "/"), user, tokens, identity);
        }
        catch
        {
            await app.DisposeAsync().ConfigureAwait(false);
            stopping.Dispose();
            throw;
        }
    }

    /// <summary>Stops the server: open event streams end, then Kestrel shuts down.</summary>
    /// <returns>A task that completes when the server has stopped.</returns>
    public async ValueTask DisposeAsync()
    {
        if (Interlocked.Exchange(ref _disposed, 1) != 0)
        {
            return;
        }

        await _stopping.CancelAsync().ConfigureAwait(false);
        try
        {
            using var timeout = new CancellationTokenSource(StopTimeout);
            await _app.StopAsync(timeout.Token).ConfigureAwait(false);
        }
        finally
        {
            await _app.DisposeAsync().ConfigureAwait(false);
            _stopping.Dispose();
        }
    }

    /// <summary>Builds an absolute URL on this server, e.g. <c>Url("api/identities/")</c>.</summary>
    /// <param name="relativePath">A path relative to <see cref="BaseAddress"/> (a leading <c>/</c> is allowed).</param>
    /// <returns>The absolute URL.</returns>
    public Uri Url(string relativePath)
    {
        ArgumentNullException.ThrowIfNull(relativePath);
        return new Uri(BaseAddress, relativePath.TrimStart('/'));
    }
}
