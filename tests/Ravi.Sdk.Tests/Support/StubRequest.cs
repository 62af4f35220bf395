namespace Ravi.Sdk.Tests.Support;

/// <summary>What a <see cref="StubHandler"/> saw (the wire harness records the fuller <see cref="RecordedRequest"/>).</summary>
internal sealed record StubRequest(string Method, string Path, string? Authorization, string? Body, DateTimeOffset At, IReadOnlyDictionary<string, string> Headers);
