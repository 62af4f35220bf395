using Microsoft.Extensions.Logging;
using Ravi.Sdk.Resources;

namespace Ravi.Sdk.Otp;

/// <summary>
/// What one wait works with: its channel's messages (read through the pooled inbox while polling, through a view that
/// closes its connections next to the event stream), the identity's event stream, the client-wide consume-once set and
/// catch-up turns, and the pipeline's clock, logger and address.
/// </summary>
/// <param name="Channel">SMS or email.</param>
/// <param name="Polled">The messages as read while polling (the pooled inbox).</param>
/// <param name="BesideStream">The messages as read next to the event stream (every request closes its connection).</param>
/// <param name="Events">The identity's event stream.</param>
/// <param name="Consumed">The messages already returned by a wait of the client or one of its views.</param>
/// <param name="CatchUps">The client's turns for catch-up polls next to a stream.</param>
/// <param name="Time">The client's clock (timeouts, poll delays, the window, the duration metric).</param>
/// <param name="Logger">The OTP log category.</param>
/// <param name="Server">The API's address, for the telemetry.</param>
internal sealed record OtpWaitSetup(OtpChannel Channel, IOtpMessageSource Polled, IOtpMessageSource BesideStream, EventsClient Events,
    ConsumedMessageSet Consumed, SemaphoreSlim CatchUps, TimeProvider Time, ILogger Logger, Uri Server);
