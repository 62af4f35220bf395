using BenchmarkDotNet.Running;
using Ravi.Sdk.Benchmarks.Load;

// `load …` runs the scale program (10,000 event streams, 1,000 OTP waits; see docs/performance.md), `load-server` is its
// server child process; anything else goes to BenchmarkDotNet.
return args switch
{
    ["load", .. var rest] => await LoadProgram.RunAsync(rest),
    [LoadServer.Verb, .. var rest] => await LoadServer.RunAsync(rest),
    _ => RunBenchmarks(args),
};

static int RunBenchmarks(string[] args)
{
    BenchmarkSwitcher.FromAssembly(typeof(Program).Assembly).Run(args);
    return 0;
}
