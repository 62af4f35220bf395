namespace Ravi.Sdk.Http;

/// <summary>
/// Sits above each handler added with <see cref="RaviClientOptions.AddPolicy(DelegatingHandler, RaviPipelinePosition)"/>
/// and keeps the SDK's error rules: what the handler itself throws (not what came up from below it, which passes
/// unchanged) ends the call with a <see cref="RaviException"/> naming the handler, with the handler's exception as
/// <see cref="Exception.InnerException"/> (never retried). A <see cref="RaviException"/> it throws, and an
/// <see cref="OperationCanceledException"/> once the call's token is cancelled, pass as they are; a handler that returns no
/// response fails the same way.
/// </summary>
internal sealed class RaviPolicyGuard : DelegatingHandler
{
    private readonly RaviPolicyFaults _faults;
    private readonly RaviPipelinePosition _position;
    private readonly string _handlerName;

    public RaviPolicyGuard(RaviPolicyFaults faults, RaviPipelinePosition position, DelegatingHandler handler)
    {
        _faults = faults;
        _position = position;
        _handlerName = handler.GetType().Name;
        InnerHandler = handler;
    }

    protected override async Task<HttpResponseMessage> SendAsync(HttpRequestMessage request, CancellationToken cancellationToken)
    {
        HttpResponseMessage? response;
        try
        {
            response = await base.SendAsync(request, cancellationToken).ConfigureAwait(false);
        }
        catch (Exception ex) when (ex is not RaviException && !_faults.IsFromBelow(ex) &&
                                   !(ex is OperationCanceledException && cancellationToken.IsCancellationRequested))
        {
            throw Failed(request, $"threw {ex.GetType().Name}", ex);
        }

        return response ?? throw Failed(request, "returned no response", null);
    }

    private RaviException Failed(HttpRequestMessage request, string what, Exception? inner) =>
        new($"The handler {_handlerName} added with RaviClientOptions.AddPolicy ({_position}) {what} for {RaviOrigin.Operation(request)}" +
            (inner is null ? "." : " (see InnerException).") + " The call was not retried; fix or remove the handler.", inner);
}
