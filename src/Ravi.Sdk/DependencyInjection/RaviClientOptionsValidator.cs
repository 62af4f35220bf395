using Microsoft.Extensions.Options;

namespace Ravi.Sdk.DependencyInjection;

/// <summary>Validates <see cref="RaviClientOptions"/> at startup (with <c>ValidateOnStart</c>) and on first use.</summary>
internal sealed class RaviClientOptionsValidator : IValidateOptions<RaviClientOptions>
{
    public ValidateOptionsResult Validate(string? name, RaviClientOptions options)
    {
        var errors = options.GetValidationErrors();
        return errors.Count == 0 ? ValidateOptionsResult.Success : ValidateOptionsResult.Fail(errors.Select(e => $"Ravi ({(string.IsNullOrEmpty(name) ? "default" : name)}): {e}"));
    }
}
