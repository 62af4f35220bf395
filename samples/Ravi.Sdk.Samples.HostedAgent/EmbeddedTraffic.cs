using Microsoft.Extensions.Hosting;
using Microsoft.Extensions.Logging;
using Ravi.Sdk.Testing;

namespace Ravi.Sdk.Samples.HostedAgent;

/// <summary>Embedded mode only: once the agent's event stream is open, delivers an SMS and an email to its identity.</summary>
public sealed partial class EmbeddedTraffic(RaviTestServer server, ILogger<EmbeddedTraffic> logger) : BackgroundService
{
    protected override async Task ExecuteAsync(CancellationToken stoppingToken)
    {
        // The stream only carries events that arrive after it opened (unless resumed with Last-Event-ID).
        while (server.ActiveStreamCount == 0)
        {
            await Task.Delay(20, stoppingToken);
        }

        var identity = server.Identity;
        LogInjecting(logger, identity.PhoneNumber, identity.Inbox);
        server.InjectSms(identity.Uuid, "+15550100200", "Your Example verification code is 482913");
        server.InjectEmail(identity.Uuid, "welcome@example.com", "Welcome to Example", "Thanks for signing up. Your account is ready.");
    }

    [LoggerMessage(Level = LogLevel.Information, Message = "Embedded server: delivering an SMS to {Phone} and an email to {Inbox}")]
    private static partial void LogInjecting(ILogger logger, string phone, string inbox);
}
