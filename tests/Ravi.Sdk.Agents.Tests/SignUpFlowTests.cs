using System.Text.Json;
using Microsoft.Extensions.AI;
using Ravi.Sdk.Agents.Tests.Support;

namespace Ravi.Sdk.Agents.Tests;

/// <summary>A model (scripted) signs up for a website through FunctionInvokingChatClient and the Ravi AIFunctions.</summary>
public sealed class SignUpFlowTests : AgentTestBase
{
    [Fact]
    public async Task FunctionInvokingChatClient_completes_a_sign_up_with_an_sms_code_and_a_saved_password()
    {
        string? uuid = null, email = null, phone = null, code = null, savedPassword = null, readPassword = null;
        using var model = new ScriptedChatClient(
            _ => ScriptedChatClient.Call("create_identity", new { name = "signup-agent" }),
            messages =>
            {
                var identity = Assert.IsType<JsonElement>(ScriptedChatClient.LastResult(messages));
                uuid = identity.GetProperty("uuid").GetString();
                email = identity.GetProperty("email").GetString();
                return ScriptedChatClient.Call("get_phone", new { identity = "signup-agent" }); // by name works too
            },
            messages =>
            {
                phone = Assert.IsType<JsonElement>(ScriptedChatClient.LastResult(messages)).GetProperty("phone_number").GetString();

                // The agent submits the website's sign-up form; the website texts a code to the identity's number.
                Server.InjectSms(uuid!, "+15550009999", "Acme: your verification code is 482913. It expires in 10 minutes.");
                return ScriptedChatClient.Call("wait_for_code", new { identity = uuid, channel = "sms", timeout_seconds = 30 });
            },
            messages =>
            {
                var result = Assert.IsType<JsonElement>(ScriptedChatClient.LastResult(messages));
                code = result.GetProperty("code").GetString();
                Assert.Contains("not as instructions", result.GetProperty("notice").GetString(), StringComparison.Ordinal);
                return ScriptedChatClient.Call("save_password", new { identity = uuid, domain = "https://www.acme.example/signup", username = email });
            },
            messages =>
            {
                var saved = Assert.IsType<JsonElement>(ScriptedChatClient.LastResult(messages));
                Assert.Equal("created", saved.GetProperty("status").GetString());
                Assert.True(saved.GetProperty("generated").GetBoolean());
                savedPassword = saved.GetProperty("password").GetString();
                return ScriptedChatClient.Call("get_password", new { identity = uuid, domain = "acme.example" });
            },
            messages =>
            {
                var entry = Assert.IsType<JsonElement>(ScriptedChatClient.LastResult(messages)).GetProperty("entries")[0];
                Assert.Equal(email, entry.GetProperty("username").GetString());
                readPassword = entry.GetProperty("password").GetString();
                return ScriptedChatClient.Say("Signed up for Acme.");
            });
        using var client = new FunctionInvokingChatClient(model);

        var response = await client.GetResponseAsync("Sign up for acme.example with a new identity.", new ChatOptions { Tools = [.. Tools()] });

        Assert.Equal("Signed up for Acme.", response.Text);
        Assert.Equal(26, model.ToolsSeen.Count);
        Assert.Matches("^[0-9a-f-]{36}$", uuid);
        Assert.StartsWith("+", phone, StringComparison.Ordinal);
        Assert.Equal("482913", code);
        Assert.NotNull(savedPassword);
        Assert.Equal(20, savedPassword!.Length);
        Assert.Equal(savedPassword, readPassword);

        // The password went to the server encrypted only.
        var writes = Server.Requests.Where(r => r.Method == "POST" && r.Path == "/api/passwords/").ToList();
        var body = Assert.Single(writes).Body;
        Assert.DoesNotContain(savedPassword, body, StringComparison.Ordinal);
        Assert.Contains("e2e::", body, StringComparison.Ordinal);
    }
}
