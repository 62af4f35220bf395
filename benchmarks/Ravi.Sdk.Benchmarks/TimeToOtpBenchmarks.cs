using System.Globalization;
using System.Text.RegularExpressions;
using BenchmarkDotNet.Attributes;
using Ravi.Sdk.Events;
using Ravi.Sdk.Otp;
using Ravi.Sdk.Resources;
using Ravi.Sdk.Testing;

namespace Ravi.Sdk.Benchmarks;

/// <summary>
/// Time-to-OTP on loopback: from <see cref="RaviTestServer.InjectSms"/> (the SMS arriving at the server) to the 6-digit code
/// being in the agent's hands, over the SDK's already connected event stream (SSE) versus an agent that polls the SMS list
/// every second (the baseline), and through the SDK's OTP helper over SSE (<see cref="OtpClient.WaitForSmsCodeAsync"/>,
/// which also fetches the conversation to read the full text). The poller runs on its own 1 s timer in the background and
/// the SMS lands at a random phase of its cycle, as it would in production (expected latency ≈ 0.5 s). I/O-bound and slow for the baseline, so the job is fixed by mutator attributes
/// (whatever <c>--job</c> says): one invocation per iteration, so the median is the p50 of single OTP deliveries.
/// Target (docs/performance.md#targets): p50 ≤ 25 ms via SSE.
/// </summary>
[MemoryDiagnoser]
[MedianColumn]
[MinColumn]
[MaxColumn]
[WarmupCount(2)]
[IterationCount(21)]
[InvocationCount(1, 1)]
public partial class TimeToOtpBenchmarks
{
    private const string Sender = "+15557654321";
    private static readonly TimeSpan PollInterval = TimeSpan.FromSeconds(1);

    private RaviTestServer _server = null!;
    private RaviClient _client = null!;
    private RaviClient _agent = null!;
    private string _identity = "";
    private readonly Random _phase = new(12345);
    private int _nextCode = 100_000;

    // SSE
    private IAsyncEnumerator<RaviEvent>? _events;

    // OTP helper
    private Task<OtpResult>? _otpWait;

    // Polling
    private readonly CancellationTokenSource _stop = new();
    private Task? _poller;
    private volatile Pending? _pending;

    [GlobalSetup(Target = nameof(SseEventStream))]
    public async Task SetupSse()
    {
        await StartAsync();
        _events = _agent.Events.StreamAsync().GetAsyncEnumerator();

        // Connect (the stream only carries events that arrive after it connected) and see one event go through.
        var code = NextCode();
        var first = ReadCodeFromStreamAsync();
        await WaitUntilAsync(() => _server.ActiveStreamCount > 0);
        _server.InjectSms(_identity, Sender, $"Your verification code is {code}");
        if (await first.WaitAsync(TimeSpan.FromSeconds(10)) != code)
        {
            throw new InvalidOperationException("The warm-up SMS did not arrive over the stream.");
        }
    }

    [GlobalSetup(Target = nameof(PollingEverySecond))]
    public async Task SetupPolling()
    {
        await StartAsync();
        var ready = new TaskCompletionSource(TaskCreationOptions.RunContinuationsAsynchronously);
        _poller = Task.Run(() => PollAsync(ready, _stop.Token));
        await ready.Task; // the poller has seen every message that exists before the first measurement
    }

    [GlobalSetup(Target = nameof(OtpHelperOverSse))]
    public async Task SetupOtpHelper()
    {
        await StartAsync();
        StartOtpWait();
        await OtpHelperOverSse(); // warm-up: JIT, connection pool
    }

    /// <summary>Starts the wait (outside the measurement) and returns once its event stream is connected.</summary>
    [IterationSetup(Target = nameof(OtpHelperOverSse))]
    public void StartOtpWait()
    {
        var connections = _server.StreamConnectionCount;
        _otpWait = _agent.Otp.WaitForSmsCodeAsync(new OtpWaitOptions
        {
            Transport = OtpTransport.Sse,
            FromContains = Sender,
            Timeout = TimeSpan.FromSeconds(10),
        });
        WaitUntilAsync(() => _server.StreamConnectionCount > connections).GetAwaiter().GetResult();
        Thread.Sleep(50); // let the catch-up poll the helper runs on connecting finish
    }

    /// <summary>
    /// Back-to-back iterations would always inject right after the poll that ended the previous one (a worst case of ~1 s);
    /// a random pause outside the measurement puts the SMS at a uniformly random phase of the poll cycle instead.
    /// </summary>
    [IterationSetup(Target = nameof(PollingEverySecond))]
    public void RandomPollPhase() => Thread.Sleep(_phase.Next(0, 1000));

    [GlobalCleanup]
    public async Task Cleanup()
    {
        await _stop.CancelAsync();
        if (_poller is not null)
        {
            try
            {
                await _poller;
            }
            catch (OperationCanceledException)
            {
            }
        }

        if (_events is not null)
        {
            await _events.DisposeAsync();
        }

        _client.Dispose();
        await _server.DisposeAsync();
        _stop.Dispose();
    }

    [Benchmark(Baseline = true)]
    public async Task<string> PollingEverySecond()
    {
        var code = NextCode();
        var pending = new Pending(code);
        _pending = pending;
        _server.InjectSms(_identity, Sender, $"Your verification code is {code}");
        return await pending.Found.Task.WaitAsync(TimeSpan.FromSeconds(10));
    }

    [Benchmark]
    public async Task<string> SseEventStream()
    {
        var code = NextCode();
        _server.InjectSms(_identity, Sender, $"Your verification code is {code}");
        var received = await ReadCodeFromStreamAsync().WaitAsync(TimeSpan.FromSeconds(10));
        return received == code ? received : throw new InvalidOperationException($"Expected {code}, got {received}.");
    }

    /// <summary>The SDK's OTP helper: SSE hint, then it reads the conversation and extracts the code with its default extractor.</summary>
    [Benchmark]
    public async Task<string> OtpHelperOverSse()
    {
        var code = NextCode();
        _server.InjectSms(_identity, Sender, $"Your verification code is {code}");
        var result = await _otpWait!.WaitAsync(TimeSpan.FromSeconds(10));
        return result.Code == code ? result.Code : throw new InvalidOperationException($"Expected {code}, got {result.Code}.");
    }

    private async Task StartAsync()
    {
        _server = await RaviTestServer.StartAsync();
        _identity = _server.Identity.Uuid;
        _client = new RaviClient(new RaviClientOptions
        {
            BaseAddress = _server.BaseAddress,
            AccessToken = _server.AccessToken,
            RefreshToken = _server.RefreshToken,
            UseCliConfiguration = false,
        });
        _agent = _client.ForIdentity(_identity);
    }

    private static async Task WaitUntilAsync(Func<bool> condition)
    {
        using var timeout = new CancellationTokenSource(TimeSpan.FromSeconds(10));
        while (!condition())
        {
            await Task.Delay(1, timeout.Token);
        }
    }

    private string NextCode() => (++_nextCode).ToString(CultureInfo.InvariantCulture);

    private async Task<string?> ReadCodeFromStreamAsync()
    {
        while (await _events!.MoveNextAsync())
        {
            if (_events.Current is SmsReceived sms && sms.Preview is { } preview && CodePattern().Match(preview) is { Success: true } match)
            {
                return match.Value;
            }
        }

        return null;
    }

    private async Task PollAsync(TaskCompletionSource ready, CancellationToken cancellationToken)
    {
        long lastSeen = 0;
        await foreach (var message in _agent.SmsMessages.ListAsync(cancellationToken: cancellationToken))
        {
            lastSeen = Math.Max(lastSeen, message.Id);
        }

        ready.SetResult();

        using var timer = new PeriodicTimer(PollInterval);
        while (await timer.WaitForNextTickAsync(cancellationToken))
        {
            await foreach (var message in _agent.SmsMessages.ListAsync(cancellationToken: cancellationToken))
            {
                if (message.Id <= lastSeen)
                {
                    continue;
                }

                lastSeen = message.Id;
                if (message.Body is { } body && CodePattern().Match(body) is { Success: true } match &&
                    _pending is { } pending && pending.Code == match.Value)
                {
                    pending.Found.TrySetResult(match.Value);
                }
            }
        }
    }

    [GeneratedRegex(@"\b\d{6}\b", RegexOptions.CultureInvariant)]
    private static partial Regex CodePattern();

    private sealed class Pending(string code)
    {
        public string Code { get; } = code;

        public TaskCompletionSource<string> Found { get; } = new(TaskCreationOptions.RunContinuationsAsynchronously);
    }
}
