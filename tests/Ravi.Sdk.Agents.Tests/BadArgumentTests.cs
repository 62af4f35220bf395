using System.Text.Json;
using System.Text.Json.Nodes;
using Microsoft.Extensions.AI;
using Microsoft.Extensions.Logging;
using Ravi.Sdk.Agents.Tests.Support;

namespace Ravi.Sdk.Agents.Tests;

/// <summary>
/// Every tool answers bad arguments with a tool error that names the argument and says what is expected, before any
/// request; an unknown identity is answered at once; echoed input is cut; one Warning line is logged per failure.
/// </summary>
public sealed class BadArgumentTests : AgentTestBase
{
    // Binding is checked before the vault: no need to pay for an Argon2 unlock per case.
    protected override bool Unlock => false;

    public static TheoryData<string> ToolNames => [.. RaviTools.ToolNames];

    /// <summary>Valid values for every required parameter of a tool, read from its schema.</summary>
    private JsonObject ValidArguments(AIFunction tool)
    {
        var args = new JsonObject();
        var schema = tool.JsonSchema;
        if (!schema.TryGetProperty("required", out var required))
        {
            return args;
        }

        foreach (var name in required.EnumerateArray().Select(r => r.GetString()!))
        {
            var property = schema.GetProperty("properties").GetProperty(name);
            args[name] = name == "identity" ? IdentityUuid : property.GetProperty("type").GetString() switch
            {
                "integer" => property.GetProperty("minimum").GetInt64(),
                "boolean" => true,
                _ => property.TryGetProperty("enum", out var values) ? values[0].GetString() : "x",
            };
        }

        return args;
    }

    private async Task<ErrorContent> ExpectArgumentErrorAsync(IReadOnlyList<AITool> tools, string tool, JsonObject args, string argument)
    {
        var before = Server.Requests.Count;
        var error = Error(await CallAsync(tools, tool, args.ToJsonString()), "invalid_argument");
        Assert.Equal($"argument: {argument}", error.Details);
        Assert.Contains($"'{argument}'", error.Message, StringComparison.Ordinal);
        Assert.Equal(before, Server.Requests.Count); // refused before any request
        return error;
    }

    [Theory]
    [MemberData(nameof(ToolNames))]
    public async Task Unknown_arguments_are_named_with_the_arguments_the_tool_takes(string name)
    {
        var tools = Tools();
        var args = ValidArguments(Find(tools, name));
        args["identity_uuid"] = IdentityUuid;
        var error = await ExpectArgumentErrorAsync(tools, name, args, "identity_uuid");
        Assert.Contains("this tool takes", error.Message, StringComparison.Ordinal);
    }

    [Theory]
    [MemberData(nameof(ToolNames))]
    public async Task Each_missing_required_argument_is_named(string name)
    {
        var tools = Tools();
        var tool = Find(tools, name);
        var valid = ValidArguments(tool);
        foreach (var missing in valid.Select(p => p.Key).ToList())
        {
            var args = (JsonObject)valid.DeepClone();
            args.Remove(missing);
            var error = await ExpectArgumentErrorAsync(tools, name, args, missing);
            Assert.Contains("required", error.Message, StringComparison.Ordinal);
        }
    }

    [Theory]
    [MemberData(nameof(ToolNames))]
    public async Task Each_argument_of_the_wrong_type_is_named_with_the_expected_type(string name)
    {
        var tools = Tools();
        var tool = Find(tools, name);
        foreach (var property in tool.JsonSchema.GetProperty("properties").EnumerateObject())
        {
            var args = ValidArguments(tool);
            var type = property.Value.GetProperty("type").GetString();
            args[property.Name] = type switch
            {
                "string" => new JsonArray(1, 2),
                "integer" => "twelve",
                _ => "maybe",
            };
            var error = await ExpectArgumentErrorAsync(tools, name, args, property.Name);
            Assert.Contains(type switch { "string" => "must be a string", "integer" => "must be an integer", _ => "must be true or false" }, error.Message, StringComparison.Ordinal);
        }
    }

    [Theory]
    [MemberData(nameof(ToolNames))]
    public async Task Out_of_range_integers_and_unknown_choices_are_refused_with_the_range(string name)
    {
        var tools = Tools();
        var tool = Find(tools, name);
        foreach (var property in tool.JsonSchema.GetProperty("properties").EnumerateObject())
        {
            var args = ValidArguments(tool);
            if (property.Value.TryGetProperty("maximum", out var maximum) && maximum.GetInt64() < long.MaxValue)
            {
                args[property.Name] = maximum.GetInt64() + 1;
                var error = await ExpectArgumentErrorAsync(tools, name, args, property.Name);
                Assert.Contains($"between {property.Value.GetProperty("minimum").GetInt64()} and {maximum.GetInt64()}", error.Message, StringComparison.Ordinal);
            }
            else if (property.Value.TryGetProperty("enum", out _))
            {
                args[property.Name] = "fax";
                var error = await ExpectArgumentErrorAsync(tools, name, args, property.Name);
                Assert.Contains("must be one of", error.Message, StringComparison.Ordinal);
            }
        }
    }

    [Fact]
    public async Task A_pinned_catalog_refuses_an_identity_argument()
    {
        var tools = Tools(o => o.IdentityUuid = IdentityUuid);
        var error = Error(await CallAsync(tools, "get_phone", $$"""{"identity":"{{IdentityUuid}}"}"""), "invalid_argument");
        Assert.Contains("this tool takes no arguments", error.Message, StringComparison.Ordinal);
    }

    [Fact]
    public async Task An_unknown_identity_is_answered_at_once_not_after_the_wait()
    {
        var tools = Tools();
        var error = Error(await CallAsync(tools, "wait_for_code", """{"identity":"5d0c7a3e-1111-4222-8333-944455556666","timeout_seconds":170}"""), "identity_not_found");
        Assert.Contains("list_identities", error.Message, StringComparison.Ordinal);
        Assert.Equal("argument: identity", error.Details);
        Assert.DoesNotContain(Server.Requests, r => r.Path.StartsWith("/api/sms-inbox/", StringComparison.Ordinal) || r.Path.StartsWith("/api/events/", StringComparison.Ordinal));

        var byName = Error(await CallAsync(tools, "wait_for_link", """{"identity":"nobody-by-that-name","timeout_seconds":170}"""), "identity_not_found");
        Assert.Contains("'nobody-by-that-name'", byName.Message, StringComparison.Ordinal);
    }

    [Fact]
    public async Task Echoed_input_is_cut_to_about_200_characters()
    {
        var tools = Tools();
        var longKey = new string('K', 250);
        var error = Error(await CallAsync(tools, "get_secret", $$"""{"identity":"{{IdentityUuid}}","key":"{{longKey}}"}"""), "not_found");
        Assert.Contains(new string('K', 200) + "…' (250 characters)", error.Message, StringComparison.Ordinal);
        Assert.DoesNotContain(new string('K', 201), error.Message, StringComparison.Ordinal);

        var huge = new string('x', 1 << 20);
        var tooLong = Error(await CallAsync(tools, "set_secret", $$"""{"identity":"{{IdentityUuid}}","key":"{{huge}}","value":"v"}"""), "invalid_argument");
        Assert.True(tooLong.Message.Length < 300, tooLong.Message);
        Assert.Contains("1048576 characters", tooLong.Message, StringComparison.Ordinal);

        var unknown = Error(await CallAsync(tools, "get_phone", $$"""{"identity":"{{IdentityUuid}}","{{huge}}":1}"""), "invalid_argument");
        Assert.True(unknown.Message.Length < 400, $"{unknown.Message.Length} characters");
    }

    [Fact]
    public async Task An_expected_failure_logs_one_warning_line_without_a_stack_trace()
    {
        var tools = Tools();
        Error(await CallAsync(tools, "get_secret", $$"""{"identity":"{{IdentityUuid}}","key":"MISSING"}"""), "not_found");

        var entry = Assert.Single(Logs.Entries, e => e.Category == "Ravi.Sdk.Agents");
        Assert.Equal(LogLevel.Warning, entry.Level);
        Assert.Null(entry.Exception);
        Assert.DoesNotContain('\n', entry.Message);
        Assert.Contains("get_secret", entry.Message, StringComparison.Ordinal);
    }

    [Fact]
    public async Task Numbers_and_booleans_sent_as_strings_are_accepted()
    {
        Server.InjectSms(IdentityUuid, "+15550001111", "Your code is 123456");
        var result = Ok(await CallAsync(Tools(), "list_sms_conversations", $$"""{"identity":"{{IdentityUuid}}","limit":"5","unread_only":"true"}"""));
        Assert.Equal(1, result.GetProperty("count").GetInt32());
    }
}
