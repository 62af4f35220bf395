namespace Ravi.Sdk.IntegrationTests.Docs;

/// <summary>Tests that redirect the process-wide <see cref="Console.Out"/> run alone.</summary>
[CollectionDefinition(Name, DisableParallelization = true)]
public sealed class ConsoleOutputGroup
{
    public const string Name = "Console output";
}
