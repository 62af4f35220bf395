namespace Ravi.Sdk.Events;

/// <summary>The event types the Ravi event stream sends.</summary>
public static class RaviEventTypes
{
    /// <summary>A new inbound email (<see cref="EmailReceived"/>).</summary>
    public const string Email = "email";

    /// <summary>A new inbound SMS (<see cref="SmsReceived"/>).</summary>
    public const string Sms = "sms";

    /// <summary>The type of an event that names none (the WHATWG default).</summary>
    public const string Message = "message";
}
