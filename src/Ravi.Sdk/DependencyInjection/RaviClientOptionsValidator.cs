using Microsoft.Extensions.Options;

namespace Ravi.Sdk.DependencyInjection;

/// <summary>
/// Validates <see cref="RaviClientOptions"/> at startup (with <c>ValidateOnStart</c>), on first use and on every reload.
/// Beyond <see cref="RaviClientOptions.GetValidationErrors"/>, a registered client must have a credential source: a host
/// with none could only ever answer 401.
/// </summary>
internal sealed class RaviClientOptionsValidator : IValidateOptions<RaviClientOptions>
{
    public ValidateOptionsResult Validate(string? name, RaviClientOptions options)
    {
        var errors = new List<string>(options.GetValidationErrors());
        if (options.Credential is null && string.IsNullOrEmpty(options.AccessToken) && string.IsNullOrEmpty(options.RefreshToken) && !options.UseCliConfiguration)
        {
            errors.Add($"no credential source: set {nameof(RaviClientOptions.AccessToken)} (configuration key Ravi:AccessToken; with " +
                $"{nameof(RaviClientOptions.RefreshToken)} for renewal) or {nameof(RaviClientOptions.Credential)}, or leave " +
                $"{nameof(RaviClientOptions.UseCliConfiguration)} on to sign in with the ravi CLI's login (RAVI_ACCESS_TOKEN or auth.json after `ravi login`).");
        }

        var label = string.IsNullOrEmpty(name) ? "default" : name;
        return errors.Count == 0 ? ValidateOptionsResult.Success : ValidateOptionsResult.Fail(errors.Select(e => $"Ravi ({label}): {e}"));
    }
}
