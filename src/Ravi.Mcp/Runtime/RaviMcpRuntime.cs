using Microsoft.Extensions.Logging;
using ModelContextProtocol.Server;
using Ravi.Mcp.Configuration;
using Ravi.Mcp.Demo;
using Ravi.Mcp.Tools;
using Ravi.Sdk;
using Ravi.Sdk.Auth;

namespace Ravi.Mcp.Runtime;

/// <summary>
/// What the MCP server serves: the tools (listed at once, whatever state Ravi is in) and the current
/// <see cref="RaviSession"/>. Nothing here can stop the server: no credentials, a rejected token, a wrong PIN or a bad
/// setting become a problem that each tool answers with, and a session with a problem is rebuilt on a call after
/// <see cref="RetryInterval"/>, so fixing the cause (e.g. <c>ravi login</c>) brings the tools back without a restart.
/// </summary>
internal sealed class RaviMcpRuntime : IAsyncDisposable
{
    /// <summary>How long a session with a problem is kept before a call builds a new one.</summary>
    public static readonly TimeSpan RetryInterval = TimeSpan.FromSeconds(2);

    /// <summary>How long a vault problem is kept before a vault tool tries to unlock again.</summary>
    public static readonly TimeSpan VaultRetryInterval = TimeSpan.FromSeconds(15);

    private static readonly TimeSpan CheckTimeout = TimeSpan.FromSeconds(30);

    private readonly RaviMcpSettings _settings;
    private readonly IReadOnlyList<string> _configProblems;
    private readonly McpEnvironment _environment;
    private readonly ILoggerFactory _loggerFactory;
    private readonly ILogger _logger;
    private readonly DemoEnvironment? _demo;
    private readonly TimeProvider _time = TimeProvider.System;
    private readonly Lock _sync = new();
    private readonly List<RaviSession> _retired = [];
    private readonly CancellationTokenSource _stopping = new();
    private RaviSession _current = null!;
    private Task<RaviSession>? _replacing;
    private Task? _vaultRetry;

    private RaviMcpRuntime(RaviMcpSettings settings, IReadOnlyList<string> configProblems, McpEnvironment environment,
        ILoggerFactory loggerFactory, DemoEnvironment? demo)
    {
        _settings = settings;
        _configProblems = configProblems;
        _environment = environment;
        _loggerFactory = loggerFactory;
        _logger = loggerFactory.CreateLogger("Ravi.Mcp");
        _demo = demo;
    }

    /// <summary>The tools as listed to clients.</summary>
    public IReadOnlyList<McpServerTool> Tools { get; private set; } = [];

    /// <summary>The <c>instructions</c> sent in the initialize result.</summary>
    public string Instructions { get; private set; } = string.Empty;

    public RaviMcpSettings Settings => _settings;

    /// <summary>
    /// Builds the first session (local work only: reading the credential files, no request) and starts checking it in the
    /// background, so <c>initialize</c> and <c>tools/list</c> never wait for the network.
    /// </summary>
    public static async Task<RaviMcpRuntime> CreateAsync(RaviMcpSettings settings, IReadOnlyList<string> configProblems,
        McpEnvironment environment, ILoggerFactory loggerFactory, DemoEnvironment? demo, CancellationToken cancellationToken)
    {
        var runtime = new RaviMcpRuntime(settings, configProblems, environment, loggerFactory, demo);
        var first = await runtime.CreateSessionAsync(cancellationToken).ConfigureAwait(false);
        runtime._current = first;
        var tools = new List<McpServerTool>();
        foreach (var (name, inner) in first.Tools)
        {
            tools.Add(new RaviMcpTool(name, inner.ProtocolTool, runtime));
        }

        if (demo is not null)
        {
            tools.Add(demo.DeliverMessageTool);
        }

        runtime.Tools = tools;
        runtime.Instructions = ServerInstructions.Build(settings, demo is not null, tools.Select(t => t.ProtocolTool.Name));
        _ = runtime.CheckInBackground(first);
        return runtime;
    }

    /// <summary>The current session once its check is done; rebuilt first when it has a problem older than <see cref="RetryInterval"/>.</summary>
    public async ValueTask<RaviSession> GetSessionAsync(CancellationToken cancellationToken)
    {
        var session = Volatile.Read(ref _current);
        await session.Checked.WaitAsync(cancellationToken).ConfigureAwait(false);
        if (session.Problem is null || _time.GetUtcNow() - session.ProblemSince < RetryInterval)
        {
            return session;
        }

        Task<RaviSession> replacing;
        lock (_sync)
        {
            replacing = !ReferenceEquals(_current, session) ? Task.FromResult(_current) : _replacing ??= ReplaceAsync(session);
        }

        var fresh = await replacing.WaitAsync(cancellationToken).ConfigureAwait(false);
        await fresh.Checked.WaitAsync(cancellationToken).ConfigureAwait(false);
        return fresh;
    }

    /// <summary>
    /// Tries the unlock again when the vault problem is older than <see cref="VaultRetryInterval"/> (the PIN file may have
    /// been fixed, or <c>ravi login</c> may have stored a key). Returns whether the vault is unlocked now.
    /// </summary>
    public async ValueTask<bool> RetryUnlockAsync(RaviSession session, CancellationToken cancellationToken)
    {
        if (session.VaultProblem is null)
        {
            return true;
        }

        if (_time.GetUtcNow() - session.VaultCheckedAt < VaultRetryInterval)
        {
            return false;
        }

        Task retry;
        lock (_sync)
        {
            retry = _vaultRetry is { IsCompleted: false } running ? running : _vaultRetry = UnlockAsync(session, _stopping.Token);
        }

        await retry.WaitAsync(cancellationToken).ConfigureAwait(false);
        return session.VaultProblem is null;
    }

    public async ValueTask DisposeAsync()
    {
        await _stopping.CancelAsync().ConfigureAwait(false);
        lock (_sync)
        {
            _retired.Add(_current);
        }

        foreach (var session in _retired.Distinct())
        {
            session.Dispose();
        }

        _stopping.Dispose();
    }

    private async Task<RaviSession> ReplaceAsync(RaviSession old)
    {
        RaviSession fresh;
        try
        {
            fresh = await CreateSessionAsync(_stopping.Token).ConfigureAwait(false);
            await CheckAsync(fresh).ConfigureAwait(false);
        }
        finally
        {
            lock (_sync)
            {
                _replacing = null;
            }
        }

        lock (_sync)
        {
            _current = fresh;
            _retired.Add(old); // in-flight calls may still use it: disposed with the runtime
        }

        if (fresh.Problem is null)
        {
            McpLog.Recovered(_logger, fresh.CredentialSource);
        }

        return fresh;
    }

    /// <summary>
    /// A call found the credential rejected (revoked refresh token, signed out elsewhere): the session answers with the
    /// reason until a later call rebuilds it from the credential sources (after <c>ravi login</c>, say).
    /// </summary>
    public void CredentialRejected(RaviSession session)
    {
        var problem = $"Ravi rejected the credential from {session.CredentialSource} (the session expired or was revoked). Sign in " +
                      "again (`ravi login`, or new RAVI_ACCESS_TOKEN and RAVI_REFRESH_TOKEN); the tools work again on a call after " +
                      "that, without restarting the server.";
        session.SetProblem(problem, _time.GetUtcNow());
        McpLog.StartupProblem(_logger, problem);
    }

    private async Task CheckInBackground(RaviSession session)
    {
        await Task.Yield();
        await CheckAsync(session).ConfigureAwait(false);
    }

    private async Task<RaviSession> CreateSessionAsync(CancellationToken cancellationToken)
    {
        var problems = new List<string>(_configProblems);
        IRaviCredential? credential;
        string source;
        Uri baseAddress;
        if (_demo is not null)
        {
            credential = new RaviCredential(_demo.Server.AccessToken, _demo.Server.RefreshToken);
            source = "the embedded demo server (--demo)";
            baseAddress = _demo.Server.BaseAddress;
        }
        else
        {
            var resolved = await new CredentialResolver(_settings, _environment, _logger).ResolveAsync(cancellationToken).ConfigureAwait(false);
            credential = resolved.Credential;
            source = resolved.Source;
            baseAddress = _settings.BaseAddress ?? RaviClientOptions.DefaultBaseAddress;
            if (resolved.Problem is not null)
            {
                problems.Add(resolved.Problem);
            }
        }

        var options = new RaviClientOptions
        {
            BaseAddress = baseAddress,
            Credential = credential,
            IdentityUuid = _settings.Identity,
            ConfigDirectory = _settings.ConfigDirectory,
            UseCliConfiguration = _demo is null,
            ApplicationId = "ravi-mcp/" + ServerInstructions.Version,
            LoggerFactory = _loggerFactory,
        };
        RaviClient client;
        try
        {
            client = new RaviClient(options);
        }
        catch (ArgumentException ex)
        {
            problems.Add("A setting is invalid: " + ex.Message.Split(" (Parameter", 2)[0]);
            client = new RaviClient(new RaviClientOptions { UseCliConfiguration = false, LoggerFactory = _loggerFactory });
        }

        var tools = CatalogTools.Create(client, _settings, _loggerFactory, out var catalogProblem);
        if (catalogProblem is not null)
        {
            problems.Add(catalogProblem);
        }

        var session = new RaviSession(client, source, tools, problems.Count == 0 ? null : string.Join(" ", problems), _time);
        if (session.Problem is { } problem)
        {
            McpLog.StartupProblem(_logger, problem);
        }

        return session;
    }

    private async Task CheckAsync(RaviSession session)
    {
        try
        {
            if (session.Problem is not null)
            {
                return;
            }

            using var timeout = CancellationTokenSource.CreateLinkedTokenSource(_stopping.Token);
            timeout.CancelAfter(CheckTimeout);
            try
            {
                await session.Client.Auth.GetCurrentUserAsync(cancellationToken: timeout.Token).ConfigureAwait(false);
                McpLog.SignedIn(_logger, session.Client.BaseAddress, session.CredentialSource);
            }
            catch (RaviAuthenticationException ex)
            {
                var problem = $"Ravi rejected the credential from {session.CredentialSource}: {ex.Message}";
                session.SetProblem(problem, _time.GetUtcNow());
                McpLog.StartupProblem(_logger, problem);
                return;
            }
            catch (RaviForbiddenException)
            {
                // An identity-scoped API key may not read the account: the credential itself is accepted.
            }
            catch (Exception ex) when (ex is RaviException || ex is OperationCanceledException && !_stopping.IsCancellationRequested)
            {
                McpLog.CheckFailed(_logger, session.Client.BaseAddress, ex.Message);
            }

            await UnlockAsync(session, timeout.Token).ConfigureAwait(false);
        }
        catch (OperationCanceledException) when (_stopping.IsCancellationRequested)
        {
        }
        finally
        {
            session.MarkChecked();
        }
    }

    private async Task UnlockAsync(RaviSession session, CancellationToken cancellationToken)
    {
        string? problem;
        try
        {
            problem = await VaultUnlocker.UnlockAsync(session.Client, _demo?.Pin ?? PinResolver.Resolve(_settings, _environment),
                _settings, _logger, cancellationToken).ConfigureAwait(false);
        }
        catch (OperationCanceledException) when (!_stopping.IsCancellationRequested)
        {
            problem = "Unlocking the vault timed out (the Ravi API did not answer); the vault tools try again on a later call.";
        }

        session.SetVaultProblem(problem, _time.GetUtcNow());
        if (problem is not null)
        {
            McpLog.VaultProblem(_logger, problem);
        }
    }
}
