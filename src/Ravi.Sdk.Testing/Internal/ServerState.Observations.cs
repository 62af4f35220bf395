namespace Ravi.Sdk.Testing.Internal;

/// <summary>What the server saw: the request log and the error log (each under its own lock), sent emails and uploads (under <see cref="Sync"/>).</summary>
internal sealed partial class ServerState
{
    private readonly List<RaviRecordedRequest> _requests = [];
    private readonly Lock _requestsGate = new();
    private readonly List<Exception> _errors = [];
    private readonly List<RaviSentEmail> _sent = [];
    private readonly List<RaviUploadedAttachment> _uploads = [];
    private long _requestSequence;

    public RaviRecordedRequest RecordRequest(string method, string path, string query, IReadOnlyDictionary<string, string> headers)
    {
        lock (_requestsGate)
        {
            var request = new RaviRecordedRequest(++_requestSequence, Now, method, path, query, headers);
            _requests.Add(request);
            return request;
        }
    }

    public IReadOnlyList<RaviRecordedRequest> SnapshotRequests()
    {
        lock (_requestsGate)
        {
            return [.. _requests];
        }
    }

    public void ClearRequests()
    {
        lock (_requestsGate)
        {
            _requests.Clear();
        }
    }

    public void RecordError(Exception error)
    {
        lock (_errors)
        {
            _errors.Add(error);
        }
    }

    public IReadOnlyList<Exception> SnapshotErrors()
    {
        lock (_errors)
        {
            return [.. _errors];
        }
    }

    public IReadOnlyList<RaviSentEmail> SnapshotSent()
    {
        lock (Sync)
        {
            return [.. _sent];
        }
    }

    public IReadOnlyList<RaviUploadedAttachment> SnapshotUploads()
    {
        lock (Sync)
        {
            return [.. _uploads];
        }
    }
}
