using System.Net;
using System.Text;
using System.Text.Json;
using System.Text.Json.Serialization;
using System.Text.Json.Serialization.Metadata;
using BenchmarkDotNet.Attributes;
using Ravi.Sdk.Models;
using Ravi.Sdk.Serialization.Converters;

namespace Ravi.Sdk.Benchmarks;

/// <summary>
/// <c>GET /api/identities/</c> returning 50 identities, through the SDK's full pipeline (resilience handler with its Polly
/// strategy, token handler, logging handler, response buffering under the size limit, an identity view, list parsing)
/// versus a hand-written <see cref="HttpClient"/> + <see cref="JsonSerializer"/> call into a mutable DTO (the baseline).
/// Every method sends through the same in-memory <see cref="StubHandler"/> that answers every request with the same
/// bytes: no sockets, so only the client-side cost is measured. Target (docs/performance.md#targets): the SDK at time ≤ 1.15×, allocations ≤ 1.25×.
/// </summary>
/// <remarks>
/// The target pair (docs/performance.md#targets) is <see cref="RaviClientIdentitiesList"/> against the baseline; <see cref="HttpClientAndJsonSerializerIntoSdkRecord"/>
/// is the model alone (the SDK's record read by its hand-written converter, as the SDK reads it). The <c>Shape…</c> methods
/// are the baseline's own code deserializing into the other shapes of the same six-field model that System.Text.Json's
/// source generator can build (docs/performance.md has the figures): init-only with <c>required</c> (the SDK's record as a
/// user's own context reads it), init-only without <c>required</c>, and internal setters with <c>[JsonInclude]</c>.
/// </remarks>
[MemoryDiagnoser]
public class PipelineBenchmarks
{
    private const int IdentityCount = 50;
    private static readonly Uri BaseAddress = new("https://ravi.bench/");

    private StubHandler _handler = null!;
    private HttpClient _httpClient = null!;
    private RaviClient _client = null!;
    private RaviClient _view = null!;
    private JsonTypeInfo<List<Identity>> _convertedList = null!;

    [GlobalSetup]
    public void Setup()
    {
        _handler = new StubHandler(BuildBody());
        _httpClient = new HttpClient(_handler, disposeHandler: false) { BaseAddress = BaseAddress };
        _httpClient.DefaultRequestHeaders.Authorization = new System.Net.Http.Headers.AuthenticationHeaderValue("Bearer", "bench-token");

        var options = new RaviClientOptions
        {
            BaseAddress = BaseAddress,
            AccessToken = "ravi_mgmt_benchmark_key", // a static API key: no JWT parsing, no refresh
            UseCliConfiguration = false,
        };
        options.Validate();

        // The internal constructor takes the transport; the benchmarks assembly sees internals.
        _client = new RaviClient(options.Clone(), _ => (_handler, false), null);
        _view = _client.ForIdentity("6f0c1a2b-3c4d-4e5f-8a9b-0c1d2e3f4a5b");

        // The SDK's converter for the items (internal; the benchmarks assembly sees internals), the bench context for the list.
        var converted = new JsonSerializerOptions { TypeInfoResolver = BenchJsonContext.Default };
        converted.Converters.Add(IdentityConverter.Instance);
        _convertedList = (JsonTypeInfo<List<Identity>>)converted.GetTypeInfo(typeof(List<Identity>));
    }

    [GlobalCleanup]
    public void Cleanup()
    {
        _client.Dispose();
        _httpClient.Dispose();
        _handler.Dispose();
    }

    [Benchmark(Baseline = true)]
    public Task<int> HttpClientAndJsonSerializer() => ReadAsync(BenchJsonContext.Default.ListIdentityDto);

    /// <summary>The SDK's <see cref="Identity"/> (init-only, two <c>required</c>) through a plain source-generated context.</summary>
    [Benchmark]
    public Task<int> ShapeInitOnlyRequired() => ReadAsync(BenchJsonContext.Default.ListIdentity);

    /// <summary>The same six properties init-only, none <c>required</c>.</summary>
    [Benchmark]
    public Task<int> ShapeInitOnly() => ReadAsync(BenchJsonContext.Default.ListInitOnlyIdentity);

    /// <summary>The same six properties with internal setters and <c>[JsonInclude]</c> (immutable outside the assembly).</summary>
    [Benchmark]
    public Task<int> ShapeInternalSetters() => ReadAsync(BenchJsonContext.Default.ListInternalSetIdentity);

    /// <summary>
    /// The model alone: the baseline's code deserializing into the SDK's immutable <see cref="Identity"/> record the way the
    /// SDK reads it (its hand-written converter). The difference to the baseline is the cost of the model's shape; the
    /// difference to <see cref="RaviClientIdentitiesList"/> is the SDK's own overhead (handlers, Polly, headers, page
    /// detection).
    /// </summary>
    [Benchmark]
    public Task<int> HttpClientAndJsonSerializerIntoSdkRecord() => ReadAsync(_convertedList);

    [Benchmark]
    public async Task<int> RaviClientIdentitiesList()
    {
        var count = 0;
        await foreach (var identity in _view.Identities.ListAsync())
        {
            count++;
        }

        return count;
    }

    private async Task<int> ReadAsync<T>(JsonTypeInfo<List<T>> typeInfo)
    {
        using var response = await _httpClient.GetAsync("api/identities/", HttpCompletionOption.ResponseHeadersRead);
        response.EnsureSuccessStatusCode();
        await using var stream = await response.Content.ReadAsStreamAsync();
        var list = await JsonSerializer.DeserializeAsync(stream, typeInfo);
        return list!.Count;
    }

    private static byte[] BuildBody()
    {
        var identities = new List<IdentityDto>();
        var created = new DateTimeOffset(2025, 1, 2, 3, 4, 5, TimeSpan.Zero);
        for (var i = 0; i < IdentityCount; i++)
        {
            identities.Add(new IdentityDto
            {
                Uuid = new Guid(i, 0x1234, 0x4567, 0x89, 0xab, 0xcd, 0xef, 0x01, 0x23, 0x45, 0x67).ToString(),
                Name = $"agent-{i:D3}",
                Inbox = $"agent-{i:D3}@in.ravi.app",
                Phone = $"+1555010{i:D4}",
                CreatedDt = created.AddMinutes(i),
                UpdatedDt = created.AddMinutes(i + 1),
            });
        }

        return JsonSerializer.SerializeToUtf8Bytes(identities, BenchJsonContext.Default.ListIdentityDto);
    }

    /// <summary>The baseline's hand-written model of an identity.</summary>
    public sealed class IdentityDto
    {
        public string Uuid { get; set; } = "";

        public string Name { get; set; } = "";

        public string? Inbox { get; set; }

        public string? Phone { get; set; }

        public DateTimeOffset? CreatedDt { get; set; }

        public DateTimeOffset? UpdatedDt { get; set; }
    }

    /// <summary>Init-only, no <c>required</c>.</summary>
    public sealed record InitOnlyIdentity
    {
        public string Uuid { get; init; } = "";

        public string Name { get; init; } = "";

        public string? Inbox { get; init; }

        public string? Phone { get; init; }

        public DateTimeOffset? CreatedDt { get; init; }

        public DateTimeOffset? UpdatedDt { get; init; }
    }

    /// <summary>Internal setters with <c>[JsonInclude]</c>: read-only outside the assembly, set directly by the generated code.</summary>
    public sealed record InternalSetIdentity
    {
        [JsonInclude]
        public string Uuid { get; internal set; } = "";

        [JsonInclude]
        public string Name { get; internal set; } = "";

        [JsonInclude]
        public string? Inbox { get; internal set; }

        [JsonInclude]
        public string? Phone { get; internal set; }

        [JsonInclude]
        public DateTimeOffset? CreatedDt { get; internal set; }

        [JsonInclude]
        public DateTimeOffset? UpdatedDt { get; internal set; }
    }

    /// <summary>Answers every request with 200 and the same JSON bytes, as a server would (a fresh response each time).</summary>
    public sealed class StubHandler(byte[] body) : HttpMessageHandler
    {
        protected override Task<HttpResponseMessage> SendAsync(HttpRequestMessage request, CancellationToken cancellationToken)
        {
            var content = new ByteArrayContent(body);
            content.Headers.ContentType = new System.Net.Http.Headers.MediaTypeHeaderValue("application/json", Encoding.UTF8.WebName);
            return Task.FromResult(new HttpResponseMessage(HttpStatusCode.OK) { Content = content, RequestMessage = request });
        }
    }
}

/// <summary>Source-generated JSON for the baseline, with the wire's snake_case names (as fair a fight as it gets).</summary>
[JsonSourceGenerationOptions(PropertyNamingPolicy = JsonKnownNamingPolicy.SnakeCaseLower)]
[JsonSerializable(typeof(List<PipelineBenchmarks.IdentityDto>))]
[JsonSerializable(typeof(List<Identity>))]
[JsonSerializable(typeof(List<PipelineBenchmarks.InitOnlyIdentity>))]
[JsonSerializable(typeof(List<PipelineBenchmarks.InternalSetIdentity>))]
internal sealed partial class BenchJsonContext : JsonSerializerContext;
