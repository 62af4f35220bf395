using Ravi.Mcp.Configuration;

namespace Ravi.Mcp.Runtime;

/// <summary>Finds the PIN: <c>RAVI_PIN</c>, else a PIN file (<c>--pin-file</c>, <c>RAVI_PIN_FILE</c>, <c>pinFile</c>); <see langword="null"/> when neither is set.</summary>
internal static class PinResolver
{
    private const int MaxPinFileBytes = 1024;

    public static PinSource? Resolve(RaviMcpSettings settings, McpEnvironment environment)
    {
        if (environment.Get(EnvironmentVariables.Pin) is { } pin)
        {
            return Check(pin.Trim(), EnvironmentVariables.Pin);
        }

        if (settings.PinFile is not { } path)
        {
            return null;
        }

        var source = "the PIN file " + Path.GetFullPath(path);
        try
        {
            var info = new FileInfo(path);
            if (!info.Exists)
            {
                return new PinSource(null, source, $"{source} does not exist.");
            }

            if (info.Length > MaxPinFileBytes)
            {
                return new PinSource(null, source, $"{source} is not a PIN file (it is larger than {MaxPinFileBytes} bytes).");
            }

            var firstLine = File.ReadLines(path).FirstOrDefault() ?? string.Empty;
            return Check(firstLine.Trim(), source);
        }
        catch (Exception ex) when (ex is IOException or UnauthorizedAccessException)
        {
            return new PinSource(null, source, $"{source} could not be read ({ex.GetType().Name}).");
        }
    }

    private static PinSource Check(string pin, string source) =>
        pin.Length == 6 && pin.All(char.IsAsciiDigit)
            ? new PinSource(pin, source, null)
            : new PinSource(null, source, $"The PIN in {source} is not 6 digits: set it to the 6-digit PIN of the Ravi account.");
}
