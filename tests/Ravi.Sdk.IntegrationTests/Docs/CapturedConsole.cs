using System.Text;

namespace Ravi.Sdk.IntegrationTests.Docs;

/// <summary>Redirects <see cref="Console.Out"/> while alive (the snippets print), thread-safe to read while written.</summary>
internal sealed class CapturedConsole : TextWriter
{
    private readonly Lock _sync = new();
    private readonly StringBuilder _text = new();
    private readonly TextWriter _original;

    public CapturedConsole()
    {
        _original = Console.Out;
        Console.SetOut(this);
    }

    public override Encoding Encoding => Encoding.UTF8;

    public string Text
    {
        get
        {
            lock (_sync)
            {
                return _text.ToString();
            }
        }
    }

    public override void Write(char value)
    {
        lock (_sync)
        {
            _text.Append(value);
        }
    }

    public override void Write(string? value)
    {
        lock (_sync)
        {
            _text.Append(value);
        }
    }

    public override void WriteLine(string? value)
    {
        lock (_sync)
        {
            _text.Append(value).Append('\n');
        }
    }

    protected override void Dispose(bool disposing)
    {
        if (disposing)
        {
            Console.SetOut(_original);
        }

        base.Dispose(disposing);
    }
}
