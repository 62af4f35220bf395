using System.Globalization;
using Ravi.Sdk.Agents.Internal;
using Ravi.Sdk.Agents.Results;
using Ravi.Sdk.Otp;
using Ravi.Sdk.Resources;

namespace Ravi.Sdk.Agents.Tools;

/// <summary>wait_for_code, wait_for_link, wait_for_email.</summary>
internal static class WaitTools
{
    private const string Channel = "channel";
    private const string TimeoutSeconds = "timeout_seconds";
    private const string FromContains = "from_contains";
    private const string SubjectContains = "subject_contains";

    public static IEnumerable<ToolDefinition> All(RaviToolOptions options)
    {
        var defaultSeconds = (long)options.DefaultWaitTimeout.TotalSeconds;
        var maxSeconds = (long)options.MaxWaitTimeout.TotalSeconds;
        var lookback = (long)options.WaitLookback.TotalSeconds;
        var window = $" It also finds a message that arrived up to {lookback} s before the call, and never returns the same message twice.";
        ToolParameter Timeout() => ToolParameter.Integer(TimeoutSeconds, $"How long to wait, in seconds (1-{maxSeconds}). Default {defaultSeconds}. If it times out, just call again.", 1, maxSeconds);
        ToolParameter From() => ToolParameter.String(FromContains, "Only messages whose sender (phone number or email address) contains this text, e.g. 'github' or '+1555'. Optional.", maxLength: 200);
        ToolParameter Subject() => ToolParameter.String(SubjectContains, "Only emails whose subject contains this text. Optional.", maxLength: 200);

        yield return new ToolDefinition
        {
            Name = "wait_for_code",
            Result = typeof(CodeResult),
            Title = "Wait for a verification code",
            Description = "Waits for a one-time verification code (OTP) sent to the identity by SMS, by email or either, and returns the code with the message it came in. Call it right after triggering the code (e.g. submitting a sign-up or login form)." + window + ExternalContent.DescriptionNote,
            Kind = ToolKind.Wait,
            OpenWorld = true,
            Parameters =
            [
                ToolParameter.Choice(Channel, "Where the code is expected: 'sms', 'email' or 'either'. Default 'either'.", "sms", "email", "either"),
                Timeout(),
                From(),
                ToolParameter.String(SubjectContains, "Only emails whose subject contains this text (email or either channel). Optional.", maxLength: 200),
            ],
            Invoke = WaitForCodeAsync,
        };
        yield return new ToolDefinition
        {
            Name = "wait_for_link",
            Result = typeof(LinkResult),
            Title = "Wait for a verification link",
            Description = "Waits for an email with a verification, confirmation or magic-login link and returns the link. Open it to finish the sign-up." + window + ExternalContent.DescriptionNote,
            Kind = ToolKind.Wait,
            OpenWorld = true,
            Parameters =
            [
                Timeout(),
                From(),
                Subject(),
                ToolParameter.String("link_contains", "Only links whose URL contains this text, e.g. 'example.com/verify'. Optional.", maxLength: 200),
            ],
            Invoke = WaitForLinkAsync,
        };
        yield return new ToolDefinition
        {
            Name = "wait_for_email",
            Result = typeof(EmailResult),
            Title = "Wait for an email",
            Description = "Waits for an email to arrive in the identity's inbox and returns it (sender, subject, text body, attachments' names)." + window + ExternalContent.DescriptionNote,
            Kind = ToolKind.Wait,
            OpenWorld = true,
            Parameters =
            [
                Timeout(),
                From(),
                Subject(),
                ToolParameter.String("text_contains", "Only emails whose body contains this text. Optional.", maxLength: 200),
            ],
            Invoke = WaitForEmailAsync,
        };
    }

    private static OtpWaitOptions Options(ToolCall call)
    {
        var o = new OtpWaitOptions
        {
            Timeout = call.Arguments.Integer(TimeoutSeconds) is { } seconds ? TimeSpan.FromSeconds(seconds) : call.Options.DefaultWaitTimeout,
            FromContains = NullIfEmpty(call.Arguments.String(FromContains)),
            SubjectContains = NullIfEmpty(call.Arguments.String(SubjectContains)),
        };

        // The window starts at the wait's start on the client's clock; the lookback widens it backwards from there.
        o.ClockSkewTolerance += call.Options.WaitLookback;
        return o;
    }

    private static string? NullIfEmpty(string? value) => string.IsNullOrWhiteSpace(value) ? null : value.Trim();

    private static async Task<object> WaitForCodeAsync(ToolCall call, CancellationToken cancellationToken)
    {
        var channel = call.Arguments.String(Channel) ?? "either";
        var options = Options(call);
        if (channel == "sms" && options.SubjectContains is not null)
        {
            throw ToolFailure.InvalidArgument(SubjectContains, "The argument 'subject_contains' applies to emails only: remove it, or use channel 'email' or 'either'.");
        }

        var otp = call.Agent.Otp;
        var what = channel switch { "sms" => "an SMS code", "email" => "an email code", _ => "a code by SMS or email" };
        var (result, also) = await Progress.AroundAsync(call, what, options.Timeout, async token => channel switch
        {
            "sms" => (await otp.WaitForSmsCodeAsync(options, cancellationToken: token).ConfigureAwait(false), (OtpResult?)null),
            "email" => (await otp.WaitForEmailCodeAsync(options, cancellationToken: token).ConfigureAwait(false), null),
            _ => await EitherAsync(otp, options, token).ConfigureAwait(false),
        }, cancellationToken).ConfigureAwait(false);

        var max = Math.Min(call.Options.MaxBodyLength, 4000);
        var (text, truncated) = ExternalContent.Bound(result.Text, max);
        return ToolCall.Result(
            new CodeResult(
                ExternalContent.Notice, result.Code, Name(result.Channel), result.From, result.Subject, result.ReceivedAt, result.MessageId, result.ConversationId,
                text, truncated, also is null ? null : ToItem(also, max)),
            ToolJson.Context.CodeResult);
    }

    /// <summary>
    /// Waits on both channels and returns the first code. When the other channel produced a code in the same moment
    /// (it was consumed), it is returned beside the first rather than lost.
    /// </summary>
    private static async Task<(OtpResult First, OtpResult? Also)> EitherAsync(OtpClient otp, OtpWaitOptions options, CancellationToken cancellationToken)
    {
        var smsOptions = options.Clone();
        smsOptions.SubjectContains = null;
        using var both = CancellationTokenSource.CreateLinkedTokenSource(cancellationToken);
        var sms = otp.WaitForSmsCodeAsync(smsOptions, cancellationToken: both.Token);
        var email = otp.WaitForEmailCodeAsync(options, cancellationToken: both.Token);
        var first = await Task.WhenAny(sms, email).ConfigureAwait(false);
        var other = first == sms ? email : sms;
        if (first.IsCompletedSuccessfully)
        {
            await both.CancelAsync().ConfigureAwait(false);
            await ((Task)other).ConfigureAwait(ConfigureAwaitOptions.SuppressThrowing);
            return (first.Result, other.IsCompletedSuccessfully ? other.Result : null);
        }

        if (first.Exception?.InnerException is RaviWaitTimeoutException timeout)
        {
            await ((Task)other).ConfigureAwait(ConfigureAwaitOptions.SuppressThrowing);
            if (other.IsCompletedSuccessfully)
            {
                return (other.Result, null);
            }

            if (other.Exception?.InnerException is RaviWaitTimeoutException)
            {
                throw new RaviWaitTimeoutException("a code by SMS or email", timeout.Since, timeout.Timeout);
            }

            return (await other.ConfigureAwait(false), null); // rethrows the other channel's failure
        }

        await both.CancelAsync().ConfigureAwait(false);
        await ((Task)other).ConfigureAwait(ConfigureAwaitOptions.SuppressThrowing);
        return (await first.ConfigureAwait(false), null); // rethrows the failure (or the caller's cancellation)
    }

    private static CodeItem ToItem(OtpResult r, int max)
    {
        var (text, truncated) = ExternalContent.Bound(r.Text, max);
        return new CodeItem(r.Code, Name(r.Channel), r.From, r.Subject, r.ReceivedAt, r.MessageId, r.ConversationId, text, truncated);
    }

    private static string Name(OtpChannel channel) => channel == OtpChannel.Sms ? "sms" : "email";

    private static async Task<object> WaitForLinkAsync(ToolCall call, CancellationToken cancellationToken)
    {
        var options = Options(call);
        if (NullIfEmpty(call.Arguments.String("link_contains")) is { } linkContains)
        {
            options.LinkFilter = uri => uri.AbsoluteUri.Contains(linkContains, StringComparison.OrdinalIgnoreCase);
        }

        var link = await Progress.AroundAsync(call, "a verification link", options.Timeout, token => call.Agent.Otp.WaitForLinkAsync(options, cancellationToken: token), cancellationToken).ConfigureAwait(false);
        var m = link.Message;
        return ToolCall.Result(
            new LinkResult(ExternalContent.Notice, link.Url.AbsoluteUri, link.Text, m.FromEmail, m.Subject, m.CreatedAt, m.Id, m.ThreadId),
            ToolJson.Context.LinkResult);
    }

    private static async Task<object> WaitForEmailAsync(ToolCall call, CancellationToken cancellationToken)
    {
        var options = Options(call);
        options.TextContains = NullIfEmpty(call.Arguments.String("text_contains"));
        var email = await Progress.AroundAsync(call, "an email", options.Timeout, token => call.Agent.Otp.WaitForEmailAsync(options, cancellationToken: token), cancellationToken).ConfigureAwait(false);
        return ToolCall.Result(new EmailResult(ExternalContent.Notice, InboxTools.ToItem(email, call.Options.MaxBodyLength)), ToolJson.Context.EmailResult);
    }

    /// <summary>Reports a wait's progress every <see cref="RaviToolOptions.ProgressInterval"/> while it runs, when the caller asked for progress.</summary>
    private static class Progress
    {
        public static async Task<T> AroundAsync<T>(ToolCall call, string what, TimeSpan timeout, Func<CancellationToken, Task<T>> wait, CancellationToken cancellationToken)
        {
            if (call.Progress is not { } progress)
            {
                return await wait(cancellationToken).ConfigureAwait(false);
            }

            using var stop = CancellationTokenSource.CreateLinkedTokenSource(cancellationToken);
            var reporter = ReportAsync(progress, what, timeout, call.Options, stop.Token);
            try
            {
                return await wait(cancellationToken).ConfigureAwait(false);
            }
            finally
            {
                await stop.CancelAsync().ConfigureAwait(false);
                await reporter.ConfigureAwait(ConfigureAwaitOptions.SuppressThrowing);
            }
        }

        private static async Task ReportAsync(IProgress<RaviToolProgress> progress, string what, TimeSpan timeout, RaviToolOptions options, CancellationToken cancellationToken)
        {
            var total = Math.Round(timeout.TotalSeconds);
            var time = options.TimeProvider;
            var start = time.GetTimestamp();
            using var timer = new PeriodicTimer(options.ProgressInterval, time);
            progress.Report(new RaviToolProgress(0, total, string.Create(CultureInfo.InvariantCulture, $"Waiting for {what}: 0 s of {total:0} s")));
            var last = 0.0;
            while (await timer.WaitForNextTickAsync(cancellationToken).ConfigureAwait(false))
            {
                var elapsed = Math.Min(Math.Round(time.GetElapsedTime(start).TotalSeconds), total);
                if (elapsed > last)
                {
                    last = elapsed;
                    progress.Report(new RaviToolProgress(elapsed, total, string.Create(CultureInfo.InvariantCulture, $"Waiting for {what}: {elapsed:0} s of {total:0} s")));
                }
            }
        }
    }
}
