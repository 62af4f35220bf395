using System.Diagnostics;
using System.Reflection;

namespace Ravi.Sdk.Diagnostics;

/// <summary>
/// The span of one public operation (<c>Ravi.Vault.GetByKey</c>, <c>Ravi.Otp.WaitForSmsCode</c>, <c>Ravi.Events.Stream</c>…)
/// on the <see cref="RaviTelemetry.ActivitySourceName"/> source. An operation started while another Ravi operation is
/// current is a no-op, so a public method that calls others is one span. Retries, token refreshes and reconnects are
/// events on it; the HTTP attempts are System.Net.Http's own spans beneath it (the SDK emits no per-attempt span).
/// Dispose ends it; a failure recorded with <see cref="Fail"/> sets <c>error.type</c> and the error status.
/// </summary>
internal readonly struct RaviOperation : IDisposable
{
    internal static readonly string Version =
        typeof(RaviOperation).Assembly.GetCustomAttribute<AssemblyInformationalVersionAttribute>()?.InformationalVersion.Split('+')[0] ?? "0.0.0";

    internal static readonly ActivitySource Source = new(RaviTelemetry.ActivitySourceName, Version);

    private RaviOperation(Activity? activity) => Activity = activity;

    /// <summary>The span, or null when nobody listens or an outer Ravi operation is current.</summary>
    public Activity? Activity { get; }

    /// <summary>The innermost Ravi operation span of the current context, or null.</summary>
    public static Activity? Current => System.Diagnostics.Activity.Current is { } a && ReferenceEquals(a.Source, Source) ? a : null;

    /// <summary>Starts <c>Ravi.{name}</c> unless a Ravi operation is already current.</summary>
    /// <param name="name">Area and method, e.g. <c>Vault.GetByKey</c>.</param>
    /// <param name="server">The API base address, reported as <c>server.address</c> and <c>server.port</c>.</param>
    public static RaviOperation Start(string name, Uri server)
    {
        if (!Source.HasListeners() || Current is not null)
        {
            return default;
        }

        var activity = Source.StartActivity("Ravi." + name, ActivityKind.Internal);
        if (activity is { IsAllDataRequested: true })
        {
            activity.SetTag("server.address", server.Host);
            activity.SetTag("server.port", server.Port);
        }

        return new RaviOperation(activity);
    }

    /// <summary>
    /// Runs a public method that makes several calls (a check and an upload, a list and a get) as the one operation
    /// <c>Ravi.{name}</c>: the calls inside it add no spans of their own, and a failure is recorded on it.
    /// </summary>
    /// <param name="name">Area and method, e.g. <c>Encryption.Setup</c>.</param>
    /// <param name="server">The API base address.</param>
    /// <param name="body">The method's work.</param>
    /// <param name="cancellationToken">The caller's token (its cancellation is not a failure).</param>
    public static async Task<T> RunAsync<T>(string name, Uri server, Func<CancellationToken, Task<T>> body, CancellationToken cancellationToken)
    {
        using var operation = Start(name, server);
        try
        {
            return await body(cancellationToken).ConfigureAwait(false);
        }
        catch (Exception ex)
        {
            operation.Fail(ex, cancellationToken);
            throw;
        }
    }

    /// <summary>Runs a public method without a result as the one operation <c>Ravi.{name}</c> (see the generic overload).</summary>
    /// <param name="name">Area and method, e.g. <c>Encryption.Unlock</c>.</param>
    /// <param name="server">The API base address.</param>
    /// <param name="body">The method's work.</param>
    /// <param name="cancellationToken">The caller's token (its cancellation is not a failure).</param>
    public static Task RunAsync(string name, Uri server, Func<CancellationToken, Task> body, CancellationToken cancellationToken) =>
        RunAsync(name, server, async token =>
        {
            await body(token).ConfigureAwait(false);
            return true;
        }, cancellationToken);

    /// <summary>
    /// Starts the operation of a pipeline call made by a sub-client method, named after it: <c>VaultClient.cs</c> +
    /// <c>GetCoreAsync</c> gives <c>Ravi.Vault.Get</c>. A public method that makes several calls starts its operation
    /// itself (then this is a no-op).
    /// </summary>
    public static RaviOperation StartForCaller(string callerFile, string callerMember, Uri server) =>
        !Source.HasListeners() || Current is not null ? default : Start(NameFromCaller(callerFile, callerMember), server);

    /// <summary>The operation name for a sub-client file and method (<c>…/VaultClient.cs</c>, <c>GetCoreAsync</c> → <c>Vault.Get</c>).</summary>
    public static string NameFromCaller(string callerFile, string callerMember)
    {
        var file = callerFile.Replace('\\', '/');
        var area = Path.GetFileNameWithoutExtension(file.AsSpan(file.LastIndexOf('/') + 1));
        if (area.EndsWith("Client", StringComparison.Ordinal))
        {
            area = area[..^"Client".Length];
        }

        var member = callerMember.AsSpan();
        if (member.EndsWith("Async", StringComparison.Ordinal))
        {
            member = member[..^"Async".Length];
        }

        if (member.EndsWith("Core", StringComparison.Ordinal))
        {
            member = member[..^"Core".Length];
        }

        return string.Concat(area, ".", member);
    }

    /// <summary>Adds a named event to the current Ravi operation (if any).</summary>
    public static void AddEvent(string name, in TagList tags)
    {
        if (Current is { IsAllDataRequested: true } activity)
        {
            activity.AddEvent(new ActivityEvent(name, tags: new ActivityTagsCollection(tags)));
        }
    }

    /// <summary>Makes this operation current again (an async iterator resumes on its consumer's context, without it).</summary>
    public void Resume()
    {
        if (Activity is not null)
        {
            System.Diagnostics.Activity.Current = Activity;
        }
    }

    /// <summary>
    /// Records the failure that ends the operation: <c>error.type</c> (the exception's full type name) and the error status.
    /// The caller's own cancellation is not a failure.
    /// </summary>
    /// <param name="exception">What ended it.</param>
    /// <param name="callerToken">The caller's token.</param>
    /// <param name="request">The request that failed, when one did: an API error with its <see cref="RaviAttemptTelemetry.ExpectedStatus"/> is an answer, not a failure.</param>
    public void Fail(Exception exception, CancellationToken callerToken, HttpRequestMessage? request = null)
    {
        if (Activity is null || (exception is OperationCanceledException && callerToken.IsCancellationRequested) ||
            (exception is RaviApiException api && request is not null &&
             request.Options.TryGetValue(RaviAttemptTelemetry.ExpectedStatus, out var expected) && expected == (int)api.StatusCode))
        {
            return;
        }

        var type = ErrorType(exception);
        Activity.SetTag("error.type", type);
        Activity.SetStatus(ActivityStatusCode.Error, type);
    }

    /// <summary>Ends the span.</summary>
    public void Dispose() => Activity?.Dispose();

    /// <summary>The <c>error.type</c> of an exception: its full type name.</summary>
    public static string ErrorType(Exception exception) => exception.GetType().FullName ?? exception.GetType().Name;
}
