using Microsoft.Extensions.Hosting;
using Microsoft.Extensions.Logging;
using Microsoft.Extensions.Options;
using Ravi.Sdk.Events;

namespace Ravi.Sdk.Samples.HostedAgent;

/// <summary>
/// Listens to the identity's event stream and reacts to each inbound SMS and email. The SDK's reader reconnects on its own
/// (resuming with Last-Event-ID, so nothing is lost or repeated); the loop ends when the host stops.
/// </summary>
public sealed partial class InboxAgent(
    RaviClient ravi,
    IOptions<AgentOptions> options,
    AgentResult result,
    IHostApplicationLifetime lifetime,
    ILogger<InboxAgent> logger) : BackgroundService
{
    protected override async Task ExecuteAsync(CancellationToken stoppingToken)
    {
        LogListening(logger, ravi.IdentityUuid ?? "(none: set Ravi:IdentityUuid)");
        try
        {
            await foreach (var evt in ravi.Events.StreamAsync(cancellationToken: stoppingToken))
            {
                switch (evt)
                {
                    case SmsReceived sms:
                        LogSms(logger, sms.FromNumber ?? "unknown", sms.Preview ?? "");
                        break;
                    case EmailReceived email:
                        // The event carries a preview; fetch the thread for the full text.
                        var thread = await ravi.EmailInbox.GetThreadAsync(email.ThreadId, cancellationToken: stoppingToken);
                        var body = thread.Messages.Count > 0 ? thread.Messages[^1].TextContent : email.Preview;
                        LogEmail(logger, email.FromEmail ?? "unknown", email.Subject ?? "", body ?? "");
                        break;
                    default:
                        LogOther(logger, evt.EventType);
                        continue;
                }

                var received = result.Increment();
                if (options.Value.StopAfterMessages > 0 && received >= options.Value.StopAfterMessages)
                {
                    result.Completed = true;
                    lifetime.StopApplication();
                    return;
                }
            }
        }
        catch (OperationCanceledException) when (stoppingToken.IsCancellationRequested)
        {
            // Host shutdown.
        }
    }

    [LoggerMessage(Level = LogLevel.Information, Message = "Listening for inbound SMS and email of identity {Identity}")]
    private static partial void LogListening(ILogger logger, string identity);

    [LoggerMessage(Level = LogLevel.Information, Message = "SMS from {From}: {Preview}")]
    private static partial void LogSms(ILogger logger, string from, string preview);

    [LoggerMessage(Level = LogLevel.Information, Message = "Email from {From} \"{Subject}\": {Body}")]
    private static partial void LogEmail(ILogger logger, string from, string subject, string body);

    [LoggerMessage(Level = LogLevel.Debug, Message = "Ignoring event {Type}")]
    private static partial void LogOther(ILogger logger, string type);
}
