namespace Ravi.Sdk.Tests.Foundation;

/// <summary>A readable stream whose length is unknown (like a network stream).</summary>
internal sealed class NonSeekableStream : MemoryStream
{
    public NonSeekableStream()
        : base([1, 2, 3])
    {
    }

    public override bool CanSeek => false;
}
