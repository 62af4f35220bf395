using System.ComponentModel;
using System.Globalization;
using System.Security.Cryptography;
using Microsoft.Extensions.AI;
using Ravi.Sdk.Testing;

namespace Ravi.Sdk.Samples.AgentFramework;

/// <summary>
/// A pretend website the agent signs up for, as two tools: submitting the form texts a verification code to the phone
/// number given (through the embedded RaviTestServer, as a real website's SMS provider would), confirming checks it.
/// </summary>
public sealed class DemoWebsite(RaviTestServer server, RaviClient ravi)
{
    private readonly Lock _gate = new();
    private string? _pendingCode;
    private string? _pendingIdentity;

    /// <summary>The account created by a successful confirmation, or null.</summary>
    public string? SignedUpEmail { get; private set; }

    public IEnumerable<AITool> Tools()
    {
        yield return AIFunctionFactory.Create(SubmitSignupForm, "submit_signup_form", "Submits the sign-up form of acme.example. The site then texts a verification code to the phone number.");
        yield return AIFunctionFactory.Create(ConfirmSignup, "confirm_signup", "Confirms the acme.example sign-up with the verification code the site sent.");
    }

    [Description("Submits the sign-up form.")]
    private async Task<string> SubmitSignupForm(
        [Description("The email address to sign up with.")] string email,
        [Description("The phone number (E.164) that receives the verification code.")] string phone)
    {
        // The embedded server plays the phone network: find the identity that owns the number.
        var identity = await ravi.Identities.ListAsync().FirstOrDefaultAsync(i => i.PhoneNumber == phone);
        if (identity is null)
        {
            return $"acme.example cannot text {phone}: the number does not exist.";
        }

        var code = RandomNumberGenerator.GetInt32(100_000, 1_000_000).ToString(CultureInfo.InvariantCulture);
        lock (_gate)
        {
            _pendingCode = code;
            _pendingIdentity = email;
        }

        server.InjectSms(identity.Uuid, "+15550100200", $"Acme: {code} is your verification code. Never share it.");
        return $"Form submitted for {email}. A verification code was sent by SMS to {phone}.";
    }

    [Description("Confirms the sign-up.")]
    private string ConfirmSignup([Description("The 6-digit code.")] string code)
    {
        lock (_gate)
        {
            if (_pendingCode is null || code.Trim() != _pendingCode)
            {
                return "Wrong code: the sign-up is not confirmed.";
            }

            SignedUpEmail = _pendingIdentity;
            _pendingCode = null;
            return $"Welcome to Acme! The account {SignedUpEmail} is confirmed. Save its password now.";
        }
    }
}
