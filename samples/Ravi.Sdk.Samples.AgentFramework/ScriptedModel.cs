using System.Runtime.CompilerServices;
using System.Text.Json;
using Microsoft.Extensions.AI;

namespace Ravi.Sdk.Samples.AgentFramework;

/// <summary>
/// An offline stand-in for a model: it plays the tool calls a model makes for the sign-up task, reading each tool's
/// result to choose the next call, so the sample runs without an API key.
/// </summary>
public sealed class ScriptedModel : IChatClient
{
    public async Task<ChatResponse> GetResponseAsync(IEnumerable<ChatMessage> messages, ChatOptions? options = null, CancellationToken cancellationToken = default)
    {
        await Task.Yield();
        var results = messages.SelectMany(m => m.Contents).OfType<FunctionResultContent>().ToList();
        var calls = messages.SelectMany(m => m.Contents).OfType<FunctionCallContent>().ToDictionary(c => c.CallId, c => c.Name);
        JsonElement Result(string tool) => results.Last(r => calls[r.CallId] == tool).Result switch
        {
            JsonElement e => e,
            ErrorContent error => throw new InvalidOperationException($"{tool} failed: {error.Message}"),
            var other => JsonSerializer.SerializeToElement(other?.ToString()),
        };

        return results.Count switch
        {
            0 => Call("create_identity", new { name = $"acme-signup-{Guid.NewGuid():N}"[..20] }),
            1 => Call("get_phone", new { identity = Result("create_identity").GetProperty("uuid").GetString() }),
            2 => Call("submit_signup_form", new { email = Result("create_identity").GetProperty("email").GetString(), phone = Result("get_phone").GetProperty("phone_number").GetString() }),
            3 => Call("wait_for_code", new { identity = Result("create_identity").GetProperty("uuid").GetString(), channel = "sms", timeout_seconds = 30 }),
            4 => Call("confirm_signup", new { code = Result("wait_for_code").GetProperty("code").GetString() }),
            5 => Call("save_password", new { identity = Result("create_identity").GetProperty("uuid").GetString(), domain = "acme.example", username = Result("create_identity").GetProperty("email").GetString() }),
            _ => new ChatResponse(new ChatMessage(ChatRole.Assistant, $"Signed up for acme.example as {Result("create_identity").GetProperty("email").GetString()}; the password is saved in the identity's vault.")),
        };
    }

    public async IAsyncEnumerable<ChatResponseUpdate> GetStreamingResponseAsync(IEnumerable<ChatMessage> messages, ChatOptions? options = null, [EnumeratorCancellation] CancellationToken cancellationToken = default)
    {
        var response = await GetResponseAsync(messages, options, cancellationToken);
        foreach (var update in response.ToChatResponseUpdates())
        {
            yield return update;
        }
    }

    public object? GetService(Type serviceType, object? serviceKey = null) => serviceType.IsInstanceOfType(this) ? this : null;

    public void Dispose()
    {
    }

    private static ChatResponse Call(string name, object arguments)
    {
        var json = JsonSerializer.SerializeToElement(arguments);
        var args = json.EnumerateObject().ToDictionary(p => p.Name, p => (object?)p.Value.Clone());
        return new ChatResponse(new ChatMessage(ChatRole.Assistant, [new FunctionCallContent($"call_{name}", name, args)]));
    }
}
