using System.Runtime.CompilerServices;

namespace Ravi.Sdk.Http;

/// <summary>
/// Sits below the last handler of one <see cref="RaviPipelinePosition"/>: marks every failure that comes up from the SDK's
/// chain (so <see cref="RaviPolicyGuard"/> lets it pass unchanged), and refuses a handler's replay of a request that must not
/// be sent twice — the same non-idempotent message passed on again after it may have reached the server (any answer but
/// 429, any failure but a connection that failed before sending). The SDK's own attempts are always fresh messages.
/// </summary>
internal sealed class RaviPolicyExit : DelegatingHandler
{
    private readonly RaviPolicyFaults _faults;
    private readonly RaviPipelinePosition _position;
    private readonly ConditionalWeakTable<HttpRequestMessage, RaviSendRecord> _sent = new();

    public RaviPolicyExit(RaviPolicyFaults faults, RaviPipelinePosition position, HttpMessageHandler inner)
    {
        _faults = faults;
        _position = position;
        InnerHandler = inner;
    }

    protected override Task<HttpResponseMessage> SendAsync(HttpRequestMessage request, CancellationToken cancellationToken)
    {
        if (RaviRetryClassifier.IsIdempotent(request))
        {
            return SendBelowAsync(request, cancellationToken);
        }

        var record = _sent.GetValue(request, static _ => new RaviSendRecord(idempotent: false));
        return record.SendOnceAsync(() => SendBelowAsync(request, cancellationToken), () => new RaviException(
            $"A handler added with RaviClientOptions.AddPolicy ({_position}) tried to send {RaviOrigin.Operation(request)} again after it " +
            "may have reached the server. The SDK refused: the server may already have processed it, and an email is never sent twice. " +
            "Remove retrying handlers; the SDK retries what is safe to retry by itself (see docs/resilience.md)."));
    }

    /// <summary>Sends on down the chain; what fails below is marked as not the handler's own fault.</summary>
    private async Task<HttpResponseMessage> SendBelowAsync(HttpRequestMessage request, CancellationToken cancellationToken)
    {
        try
        {
            return await base.SendAsync(request, cancellationToken).ConfigureAwait(false);
        }
        catch (Exception ex)
        {
            _faults.MarkFromBelow(ex);
            throw;
        }
    }
}
