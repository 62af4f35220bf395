using Ravi.Sdk.Agents.Internal;
using Ravi.Sdk.Agents.Results;
using Ravi.Sdk.Resources;
using Ravi.Sdk.Totp;

namespace Ravi.Sdk.Agents.Tools;

/// <summary>enroll_totp, get_totp_code, list_totp.</summary>
internal static class TotpTools
{
    private const string Name = "name";

    public static IEnumerable<ToolDefinition> All()
    {
        yield return new ToolDefinition
        {
            Name = "enroll_totp",
            Result = typeof(TotpEnrolledResult),
            Title = "Enrol a two-factor (TOTP) secret",
            Description = "Stores a website's two-factor authentication (TOTP) secret in the identity's encrypted vault and returns the first code, to type into the site's 'confirm your authenticator' step. Give the otpauth://totp/ URI (behind the QR code) or the base32 secret the site shows as text. Enrolling the same name again replaces the secret.",
            Kind = ToolKind.Write,
            Destructive = true,
            Idempotent = true,
            Parameters =
            [
                ToolParameter.String("secret", "The otpauth://totp/... URI, or the base32 secret (letters A-Z and digits 2-7; spaces are fine).", required: true, maxLength: 4096),
                ToolParameter.String(Name, $"A name for this enrolment, e.g. 'github'. Optional: defaults to the URI's issuer. Stored upper case as the vault key {TotpClient.VaultKeyPrefix}NAME.", maxLength: 100),
                ToolParameter.Choice("algorithm", "For a bare secret: the hash, 'SHA1' (default), 'SHA256' or 'SHA512'. Leave it out for a URI.", "SHA1", "SHA256", "SHA512"),
                ToolParameter.Integer("digits", "For a bare secret: digits per code, 6 (default) to 8. Leave it out for a URI.", 6, 8),
                ToolParameter.Integer("period_seconds", "For a bare secret: seconds per code, default 30. Leave it out for a URI.", 1, 600),
            ],
            Invoke = EnrollAsync,
        };
        yield return new ToolDefinition
        {
            Name = "get_totp_code",
            Result = typeof(TotpCodeResult),
            Title = "Get a two-factor (TOTP) code",
            Description = "Returns the current two-factor code of an enrolled website, computed locally, with the seconds it stays valid. If seconds_remaining is under 5, wait that long and call again so the code does not expire while you type it.",
            Kind = ToolKind.Read,
            Parameters = [ToolParameter.String(Name, "The enrolment's name as given to enroll_totp or listed by list_totp, e.g. 'github' (any case).", required: true, maxLength: 100)],
            Invoke = GetCodeAsync,
        };
        yield return new ToolDefinition
        {
            Name = "list_totp",
            Result = typeof(TotpListResult),
            Title = "List two-factor (TOTP) enrolments",
            Description = "Lists the websites whose two-factor (TOTP) secrets are enrolled for the identity: name, issuer, account and code format, without secrets.",
            Kind = ToolKind.Read,
            Idempotent = true,
            Invoke = ListAsync,
        };
    }

    private static TotpEnrollmentItem ToItem(TotpEnrollment e) => new(
        e.Name, e.VaultKey, e.Issuer, e.AccountName, e.Algorithm.ToString().ToUpperInvariant(), e.Digits, (int)e.Period.TotalSeconds);

    private static async Task<object> EnrollAsync(ToolCall call, CancellationToken cancellationToken)
    {
        var args = call.Arguments;
        var options = new TotpEnrollOptions
        {
            Name = args.String(Name) is { Length: > 0 } n ? n : null,
            Algorithm = args.String("algorithm") switch { "SHA256" => TotpAlgorithm.Sha256, "SHA512" => TotpAlgorithm.Sha512, "SHA1" => TotpAlgorithm.Sha1, _ => null },
            Digits = (int?)args.Integer("digits"),
            Period = args.Integer("period_seconds") is { } seconds ? TimeSpan.FromSeconds(seconds) : null,
        };
        if (!call.Client.Encryption.IsUnlocked)
        {
            throw ToolErrors.VaultLocked();
        }

        var totp = call.Agent.Totp;
        TotpEnrollment enrollment;
        try
        {
            enrollment = await totp.EnrollAsync(args.RequiredString("secret"), options, cancellationToken: cancellationToken).ConfigureAwait(false);
        }
        catch (ArgumentException ex) when (ex.ParamName is "otpauthUriOrSecret")
        {
            throw ToolFailure.InvalidArgument("secret", $"The argument 'secret' is invalid: {ToolErrors.PlainMessage(ex)} Copy the otpauth://totp/ URI or the secret text again.");
        }
        catch (ArgumentException ex) when (ex.ParamName is "options")
        {
            throw new ToolFailure(RaviToolErrorCodes.InvalidArgument, ToolErrors.PlainMessage(ex) + " Give a 'name', or leave algorithm/digits/period_seconds out for a URI.");
        }

        var code = await totp.GetCodeAsync(enrollment.Name, cancellationToken: cancellationToken).ConfigureAwait(false);
        return ToolCall.Result(new TotpEnrolledResult("enrolled", ToItem(enrollment), code.Code, (int)code.TimeRemaining.TotalSeconds), ToolJson.Context.TotpEnrolledResult);
    }

    private static async Task<object> GetCodeAsync(ToolCall call, CancellationToken cancellationToken)
    {
        var name = call.Arguments.RequiredString(Name);
        TotpCode code;
        try
        {
            code = await call.Agent.Totp.GetCodeAsync(name, cancellationToken: cancellationToken).ConfigureAwait(false);
        }
        catch (RaviNotFoundException)
        {
            throw ToolFailure.NotFound($"No two-factor secret named {Echo.Quote(name)} is enrolled for this identity. Call list_totp to see the names, or enroll_totp to add it.");
        }

        return ToolCall.Result(new TotpCodeResult(TotpClient.NormalizeName(name), code.Code, (int)code.TimeRemaining.TotalSeconds, code.ValidUntil), ToolJson.Context.TotpCodeResult);
    }

    private static async Task<object> ListAsync(ToolCall call, CancellationToken cancellationToken)
    {
        var items = new List<TotpEnrollmentItem>();
        await foreach (var enrollment in call.Agent.Totp.ListAsync(cancellationToken: cancellationToken).ConfigureAwait(false))
        {
            items.Add(ToItem(enrollment));
            if (items.Count == call.Options.MaxListItems)
            {
                break;
            }
        }

        return ToolCall.Result(new TotpListResult(items.Count, items), ToolJson.Context.TotpListResult);
    }
}
