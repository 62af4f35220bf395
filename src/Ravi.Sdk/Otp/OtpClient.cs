namespace Ravi.Sdk.Otp;

/// <summary>Helpers that wait for OTP codes, emails and verification links arriving at the identity.</summary>
public class OtpClient
{
    private readonly RaviClient _client = null!;

    /// <summary>Constructor for mocking frameworks.</summary>
    protected OtpClient()
    {
    }

    internal OtpClient(RaviClient client) => _client = client;

    internal RaviClient Client => _client;
}
