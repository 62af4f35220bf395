namespace Ravi.Sdk.Tests.Support;

/// <summary>Records every request that reaches the transport (before the mock answers it). Thread-safe.</summary>
internal sealed class RequestRecorder : DelegatingHandler
{
    private readonly List<RecordedRequest> _requests = [];

    public RequestRecorder(HttpMessageHandler inner)
        : base(inner)
    {
    }

    public IReadOnlyList<RecordedRequest> Requests
    {
        get
        {
            lock (_requests)
            {
                return [.. _requests];
            }
        }
    }

    public int Count
    {
        get
        {
            lock (_requests)
            {
                return _requests.Count;
            }
        }
    }

    protected override async Task<HttpResponseMessage> SendAsync(HttpRequestMessage request, CancellationToken cancellationToken)
    {
        var recorded = await RecordedRequest.CaptureAsync(request, cancellationToken);
        lock (_requests)
        {
            _requests.Add(recorded);
        }

        return await base.SendAsync(request, cancellationToken);
    }
}
