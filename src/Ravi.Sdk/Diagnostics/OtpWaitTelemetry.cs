using System.Diagnostics;
using Ravi.Sdk.Otp;

namespace Ravi.Sdk.Diagnostics;

/// <summary>
/// The telemetry of one OTP, email or link wait: the operation span (<c>Ravi.Otp.WaitForSmsCode</c>…, tagged
/// <c>ravi.otp.channel</c> and <c>ravi.otp.transport</c>) and one <see cref="RaviMetrics.OtpWaitDuration"/> sample, measured
/// on the client's <see cref="TimeProvider"/>, tagged with the channel, <c>server.address</c>, <c>server.port</c> and, unless a message was found, <c>error.type</c>.
/// The caller's cancellation records no sample.
/// </summary>
internal sealed class OtpWaitTelemetry : IDisposable
{
    private readonly RaviOperation _operation;
    private readonly TimeProvider _time;
    private readonly long _started;
    private readonly string _channel;
    private readonly Uri _server;
    private bool _recorded;

    private OtpWaitTelemetry(RaviOperation operation, TimeProvider time, string channel, Uri server)
    {
        _operation = operation;
        _time = time;
        _channel = channel;
        _server = server;
        _started = time.GetTimestamp();
    }

    public static OtpWaitTelemetry Start(string operationName, OtpChannel channel, OtpTransport transport, Uri server, TimeProvider time)
    {
        var operation = RaviOperation.Start(operationName, server);
        var channelName = channel == OtpChannel.Sms ? "sms" : "email";
        if (operation.Activity is { IsAllDataRequested: true } activity)
        {
            activity.SetTag("ravi.otp.channel", channelName);
            activity.SetTag("ravi.otp.transport", transport switch { OtpTransport.Sse => "sse", OtpTransport.Polling => "polling", _ => "auto" });
        }

        return new OtpWaitTelemetry(operation, time, channelName, server);
    }

    /// <summary>The wait found its message.</summary>
    public void Found() => Record(null);

    /// <summary>The wait ended with <paramref name="exception"/> (a timeout is <see cref="RaviWaitTimeoutException"/>).</summary>
    public void Failed(Exception exception, CancellationToken callerToken)
    {
        _operation.Fail(exception, callerToken);
        if (!(exception is OperationCanceledException && callerToken.IsCancellationRequested))
        {
            Record(RaviOperation.ErrorType(exception));
        }
    }

    public void Dispose() => _operation.Dispose();

    private void Record(string? errorType)
    {
        if (_recorded || !RaviMetrics.OtpWaitDuration.Enabled)
        {
            return;
        }

        _recorded = true;
        var tags = new TagList { { "ravi.otp.channel", _channel }, { "server.address", _server.Host }, { "server.port", _server.Port } };
        if (errorType is not null)
        {
            tags.Add("error.type", errorType);
        }

        RaviMetrics.OtpWaitDuration.Record(_time.GetElapsedTime(_started).TotalSeconds, tags);
    }
}
