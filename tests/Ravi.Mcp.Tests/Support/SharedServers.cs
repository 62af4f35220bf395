namespace Ravi.Mcp.Tests.Support;

/// <summary>The test classes that share one <see cref="McpServers"/> (one HTTP process, one stdio process per version).</summary>
[CollectionDefinition(Name)]
public sealed class SharedServers : ICollectionFixture<McpServers>
{
    public const string Name = "ravi-mcp servers";
}
