using Ravi.Sdk.Agents.Internal;
using Ravi.Sdk.Agents.Results;

namespace Ravi.Sdk.Agents.Tools;

/// <summary>get_phone.</summary>
internal static class PhoneTools
{
    public static IEnumerable<ToolDefinition> All()
    {
        yield return new ToolDefinition
        {
            Name = "get_phone",
            Result = typeof(PhoneResult),
            Title = "Get the phone number",
            Description = "Returns the identity's phone number in E.164 form (e.g. +15551234567), to enter in sign-up forms that send an SMS code. Then call wait_for_code.",
            Kind = ToolKind.Read,
            Invoke = GetAsync,
        };
    }

    private static async Task<object> GetAsync(ToolCall call, CancellationToken cancellationToken)
    {
        await foreach (var phone in call.Agent.Phone.ListAsync(cancellationToken: cancellationToken).ConfigureAwait(false))
        {
            if (!string.IsNullOrEmpty(phone.PhoneNumber))
            {
                return ToolCall.Result(new PhoneResult(phone.PhoneNumber, phone.Provider, call.Agent.IdentityUuid), ToolJson.Context.PhoneResult);
            }
        }

        throw ToolFailure.NotFound("This identity has no phone number (yet). Use its email address instead, or create another identity.");
    }
}
