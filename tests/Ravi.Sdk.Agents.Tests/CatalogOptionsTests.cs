using Microsoft.Extensions.AI;
using Microsoft.Extensions.DependencyInjection;

namespace Ravi.Sdk.Agents.Tests;

/// <summary>Annotations, read-only mode, the allow-list, approvals, option validation and the DI registration.</summary>
public sealed class CatalogOptionsTests : IDisposable
{
    private readonly RaviClient _client = new(new RaviClientOptions { BaseAddress = new Uri("http://127.0.0.1:9/"), AccessToken = "test", UseCliConfiguration = false });

    public void Dispose() => _client.Dispose();

    private static RaviToolAnnotations Hints(IReadOnlyList<AITool> tools, string name) =>
        tools.Single(t => t.Name == name).GetService<RaviToolAnnotations>()!;

    [Fact]
    public void Annotations_tell_reads_from_waits_writes_and_destruction()
    {
        var tools = RaviTools.Create(_client);
        Assert.Equal(new RaviToolAnnotations { Title = "List identities", ReadOnly = true, Destructive = false, Idempotent = true, OpenWorld = false }, Hints(tools, "list_identities"));

        var wait = Hints(tools, "wait_for_code");
        Assert.False(wait.ReadOnly); // it consumes the code: a second call does not return it
        Assert.False(wait.Idempotent);
        Assert.False(wait.Destructive);
        Assert.True(wait.OpenWorld);

        var send = Hints(tools, "send_email");
        Assert.False(send.ReadOnly);
        Assert.False(send.Idempotent);
        Assert.True(send.OpenWorld);

        foreach (var name in new[] { "delete_identity", "delete_secret", "delete_password", "set_secret", "save_password", "enroll_totp" })
        {
            Assert.True(Hints(tools, name).Destructive, name);
            Assert.False(Hints(tools, name).ReadOnly, name);
        }

        Assert.True(Hints(tools, "set_secret").Idempotent);
        Assert.False(Hints(tools, "create_identity").Idempotent);
    }

    [Fact]
    public void Annotations_are_also_additional_properties_under_the_MCP_hint_names()
    {
        var tool = RaviTools.Create(_client).Single(t => t.Name == "delete_secret");
        Assert.Equal("Delete a vault secret", tool.AdditionalProperties[RaviToolAnnotations.TitleKey]);
        Assert.Equal(false, tool.AdditionalProperties["readOnlyHint"]);
        Assert.Equal(true, tool.AdditionalProperties["destructiveHint"]);
        Assert.Equal(true, tool.AdditionalProperties["idempotentHint"]);
        Assert.Equal(false, tool.AdditionalProperties["openWorldHint"]);
    }

    [Fact]
    public void Read_only_mode_keeps_reads_and_waits_only()
    {
        var tools = RaviTools.Create(_client, new RaviToolOptions { ReadOnly = true });
        Assert.All(tools, t => Assert.True(t.GetService<RaviToolAnnotations>()!.ReadOnly || t.Name.StartsWith("wait_for_", StringComparison.Ordinal), t.Name));
        Assert.Contains(tools, t => t.Name == "wait_for_code");
        Assert.Contains(tools, t => t.Name == "get_secret");
        Assert.DoesNotContain(tools, t => t.Name is "send_email" or "set_secret" or "create_identity" or "save_password" or "enroll_totp");
    }

    [Fact]
    public void The_allow_list_keeps_only_its_tools_and_refuses_unknown_names()
    {
        var tools = RaviTools.Create(_client, new RaviToolOptions { AllowedTools = ["wait_for_code", "get_phone"] });
        Assert.Equal(["wait_for_code", "get_phone"], tools.Select(t => t.Name));

        var error = Assert.Throws<ArgumentException>(() => RaviTools.Create(_client, new RaviToolOptions { AllowedTools = ["wait_for_otp"] }));
        Assert.Contains("'wait_for_otp'", error.Message, StringComparison.Ordinal);
        Assert.Equal("options", error.ParamName);
    }

    [Theory]
    [InlineData(RaviToolApproval.None, new string[0])]
    [InlineData(RaviToolApproval.Destructive, new[] { "delete_identity", "set_secret", "delete_secret", "save_password", "delete_password", "enroll_totp" })]
    [InlineData(RaviToolApproval.SideEffecting, new[] { "create_identity", "delete_identity", "send_email", "reply_email", "set_secret", "delete_secret", "save_password", "delete_password", "enroll_totp" })]
    public void Approval_wraps_exactly_the_chosen_tools_and_keeps_their_annotations(RaviToolApproval approval, string[] wrapped)
    {
        var tools = RaviTools.Create(_client, new RaviToolOptions { Approval = approval });
        Assert.Equal(wrapped, tools.OfType<ApprovalRequiredAIFunction>().Select(t => t.Name));
        Assert.All(tools, t => Assert.NotNull(t.GetService<RaviToolAnnotations>()));
        Assert.All(tools.OfType<ApprovalRequiredAIFunction>(), t => Assert.True(t.AdditionalProperties.ContainsKey(RaviToolAnnotations.DestructiveHintKey), t.Name));
    }

    [Fact]
    public void Invalid_options_are_refused_with_the_setting_named()
    {
        Assert.Contains("DefaultWaitTimeout", Assert.Throws<ArgumentException>(() => RaviTools.Create(_client, new RaviToolOptions { DefaultWaitTimeout = TimeSpan.FromMinutes(5) })).Message, StringComparison.Ordinal);
        Assert.Contains("IdentityUuid", Assert.Throws<ArgumentException>(() => RaviTools.Create(_client, new RaviToolOptions { IdentityUuid = "agent-1" })).Message, StringComparison.Ordinal);
        Assert.Contains("WaitLookback", Assert.Throws<ArgumentException>(() => RaviTools.Create(_client, new RaviToolOptions { WaitLookback = TimeSpan.FromSeconds(-1) })).Message, StringComparison.Ordinal);
        Assert.Throws<ArgumentNullException>(() => RaviTools.Create(null!));
    }

    [Fact]
    public void The_default_wait_fits_a_60_second_host_timeout_and_the_maximum_a_180_second_one()
    {
        var options = new RaviToolOptions();
        Assert.True(options.DefaultWaitTimeout <= TimeSpan.FromSeconds(60));
        Assert.True(options.MaxWaitTimeout < TimeSpan.FromSeconds(180));
        var wait = RaviTools.Create(_client).OfType<AIFunction>().Single(t => t.Name == "wait_for_code");
        Assert.Equal(170, wait.JsonSchema.GetProperty("properties").GetProperty("timeout_seconds").GetProperty("maximum").GetInt32());
    }

    [Fact]
    public void AddRaviTools_registers_a_catalog_over_the_registered_client()
    {
        var services = new ServiceCollection();
        services.AddRavi(o =>
        {
            o.BaseAddress = new Uri("http://127.0.0.1:9/");
            o.AccessToken = "test";
            o.UseCliConfiguration = false;
        }).AddRaviTools(o => o.ReadOnly = true);
        using var provider = services.BuildServiceProvider();

        var catalog = provider.GetRequiredService<RaviToolCatalog>();
        Assert.Same(catalog, provider.GetRequiredService<RaviToolCatalog>());
        Assert.Contains(catalog.Tools, t => t.Name == "get_secret");
        Assert.DoesNotContain(catalog.Tools, t => t.Name == "send_email");
    }
}
