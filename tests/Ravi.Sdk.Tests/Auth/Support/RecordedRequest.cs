namespace Ravi.Sdk.Tests.Auth.Support;

/// <summary>What a stub handler saw.</summary>
internal sealed record RecordedRequest(string Method, string Path, string? Authorization, string? Body, DateTimeOffset At, IReadOnlyDictionary<string, string> Headers);
