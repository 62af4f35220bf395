namespace Ravi.Sdk.Tests;

/// <summary>Item 9 of issue 12: options are checked across fields, and every problem is reported at once.</summary>
public sealed class OptionsValidationTests
{
    private static RaviClientOptions Valid() => new() { AccessToken = "ravi_id_x", UseCliConfiguration = false };

    [Fact]
    public void An_attempt_timeout_longer_than_the_overall_timeout_is_refused()
    {
        var options = Valid();
        options.AttemptTimeout = TimeSpan.FromMinutes(5);
        options.OverallTimeout = TimeSpan.FromMinutes(1);

        var error = Assert.Single(options.GetValidationErrors());

        Assert.StartsWith("AttemptTimeout", error, StringComparison.Ordinal);
        Assert.Contains("OverallTimeout", error, StringComparison.Ordinal);
    }

    [Fact]
    public void An_infinite_attempt_timeout_under_a_finite_overall_timeout_is_fine()
    {
        var options = Valid();
        options.AttemptTimeout = Timeout.InfiniteTimeSpan;
        options.OverallTimeout = TimeSpan.FromMinutes(1);

        Assert.Empty(options.GetValidationErrors());
    }

    [Fact]
    public void A_first_retry_delay_longer_than_the_longest_retry_delay_is_refused()
    {
        var options = Valid();
        options.RetryBaseDelay = TimeSpan.FromSeconds(10);
        options.MaxRetryDelay = TimeSpan.FromSeconds(5);

        var error = Assert.Single(options.GetValidationErrors());

        Assert.StartsWith("RetryBaseDelay", error, StringComparison.Ordinal);
        Assert.Contains("MaxRetryDelay", error, StringComparison.Ordinal);
    }

    [Theory]
    [InlineData("my agent/1.0")]
    [InlineData("agent\r\nX-Injected: 1")]
    [InlineData("agént/1")]
    [InlineData("(agent)")]
    [InlineData("")]
    [InlineData("a-very-long-application-name-that-goes-on-and-on-past-the-limit-of-64")]
    public void An_application_id_that_is_not_a_short_user_agent_product_token_is_refused(string applicationId)
    {
        var options = Valid();
        options.ApplicationId = applicationId;

        var error = Assert.Single(options.GetValidationErrors());

        Assert.StartsWith("ApplicationId", error, StringComparison.Ordinal);
    }

    [Theory]
    [InlineData("my-agent/1.2")]
    [InlineData("Ravi.Agents_7")]
    [InlineData(null)]
    public void A_product_token_is_a_valid_application_id(string? applicationId)
    {
        var options = Valid();
        options.ApplicationId = applicationId;

        Assert.Empty(options.GetValidationErrors());
    }

    [Fact]
    public void Validate_reports_every_problem_in_one_exception()
    {
        var options = Valid();
        options.MaxRetries = -1;
        options.MaxPages = 0;
        options.ApplicationId = "bad id";
        options.RetryBaseDelay = TimeSpan.FromSeconds(10);
        options.MaxRetryDelay = TimeSpan.FromSeconds(1);

        var ex = Assert.Throws<ArgumentException>(options.Validate);

        Assert.Equal(4, options.GetValidationErrors().Count);
        foreach (var name in new[] { "MaxRetries", "MaxPages", "ApplicationId", "RetryBaseDelay" })
        {
            Assert.Contains(name, ex.Message, StringComparison.Ordinal);
        }
    }

    [Fact]
    public void A_client_built_from_invalid_options_names_every_problem()
    {
        var options = Valid();
        options.MaxRetries = 99;
        options.AttemptTimeout = TimeSpan.FromMinutes(10);

        var ex = Assert.Throws<ArgumentException>(() => new RaviClient(options));

        Assert.Contains("MaxRetries", ex.Message, StringComparison.Ordinal);
        Assert.Contains("AttemptTimeout", ex.Message, StringComparison.Ordinal);
    }
}
