namespace Ravi.Sdk.Tests.Support;

/// <summary>Thrown by the mock for a request no test expected.</summary>
internal sealed class UnexpectedRequestException : Exception
{
    public UnexpectedRequestException()
        : base("The mock received a request no test expected.")
    {
    }
}
