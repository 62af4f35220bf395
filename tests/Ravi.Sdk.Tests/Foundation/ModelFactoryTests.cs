using System.Collections;
using System.Reflection;
using System.Text.Json;
using Ravi.Sdk.Models;
using Ravi.Sdk.Serialization;
using Ravi.Sdk.Tests.Foundation.Infrastructure;

namespace Ravi.Sdk.Tests.Foundation;

/// <summary>
/// <see cref="RaviModelFactory"/>: one method per response model, every parameter lands on the property of the same
/// name, every property has a parameter, and models built with it survive a round trip through the SDK's JSON contract.
/// </summary>
public sealed class ModelFactoryTests
{
    /// <summary>Types users build themselves (requests and options) rather than receive from the SDK.</summary>
    private static readonly HashSet<Type> UserBuilt =
    [
        typeof(ComposeEmailRequest), typeof(ReplyEmailRequest), typeof(PasswordEntryRequest), typeof(VaultSecretRequest), typeof(GeneratePasswordOptions),
    ];

    private static readonly MethodInfo[] FactoryMethods = typeof(RaviModelFactory).GetMethods(BindingFlags.Public | BindingFlags.Static);

    public static TheoryData<string> MethodNames => [.. FactoryMethods.Select(m => m.Name)];

    [Fact]
    public void Factory_covers_every_response_model()
    {
        var models = typeof(RaviModelFactory).Assembly.GetExportedTypes()
            .Where(t => t.Namespace == "Ravi.Sdk.Models" && t.IsClass && !t.IsAbstract && !UserBuilt.Contains(t))
            .Select(t => t.Name)
            .Order();

        Assert.Equal(models, FactoryMethods.Select(m => m.ReturnType.Name).Order());
        Assert.All(FactoryMethods, m => Assert.Equal(m.ReturnType.Name, m.Name));
        Assert.Equal(FactoryMethods.Length, FactoryMethods.Select(m => m.Name).Distinct().Count()); // one overload each
    }

    [Theory]
    [MemberData(nameof(MethodNames))]
    public void Every_parameter_sets_its_property_and_every_property_has_a_parameter(string name)
    {
        var method = FactoryMethods.Single(m => m.Name == name);
        var parameters = method.GetParameters();
        var args = parameters.Select((p, i) => SampleValue(p.ParameterType, i)).ToArray();

        var model = method.Invoke(null, args)!;

        var properties = method.ReturnType.GetProperties(BindingFlags.Public | BindingFlags.Instance).Where(p => p.CanWrite).ToList();
        Assert.Equal(properties.Select(p => p.Name.ToUpperInvariant()).Order(), parameters.Select(p => p.Name!.ToUpperInvariant()).Order());
        Assert.All(parameters, p => Assert.True(p.IsOptional, $"{name}({p.Name}) must be optional"));
        for (var i = 0; i < parameters.Length; i++)
        {
            var property = properties.Single(p => p.Name.Equals(parameters[i].Name, StringComparison.OrdinalIgnoreCase));
            ModelAssert.Equivalent(args[i], property.GetValue(model));
        }
    }

    [Theory]
    [MemberData(nameof(MethodNames))]
    public void Defaults_are_empty_not_null(string name)
    {
        var method = FactoryMethods.Single(m => m.Name == name);

        var model = method.Invoke(null, method.GetParameters().Select(_ => Type.Missing).ToArray())!;

        foreach (var property in method.ReturnType.GetProperties(BindingFlags.Public | BindingFlags.Instance))
        {
            var value = property.GetValue(model);
            var nullable = new NullabilityInfoContext().Create(property).ReadState == NullabilityState.Nullable;
            Assert.True(nullable || value is not null, $"{name}().{property.Name} is null but not nullable");
            if (value is IEnumerable list and not string)
            {
                Assert.Empty(list);
            }
        }
    }

    [Fact]
    public void Device_authorization_default_interval_is_five_seconds() =>
        Assert.Equal(5, RaviModelFactory.DeviceAuthorization().Interval);

    public static TheoryData<string> WireModels => ["Identity", "RaviUser", "EmailThread", "EmailThreadDetail", "EmailMessage", "SmsConversation", "SmsMessage", "Phone", "EncryptionMetadata", "Subscription", "PresignedUpload", "DeviceAuthorization"];

    [Theory]
    [MemberData(nameof(WireModels))]
    public void Factory_models_round_trip_through_the_wire_format(string name)
    {
        var method = FactoryMethods.Single(m => m.Name == name);
        var model = method.Invoke(null, method.GetParameters().Select((p, i) => SampleValue(p.ParameterType, i)).ToArray())!;
        var typeInfo = RaviJsonContext.Default.GetTypeInfo(method.ReturnType)!;

        var json = JsonSerializer.Serialize(model, typeInfo);
        var back = JsonSerializer.Deserialize(json, typeInfo)!;

        ModelAssert.Equivalent(model, back);
        Assert.DoesNotContain("\"Id\"", json, StringComparison.Ordinal); // snake_case on the wire
    }

    [Fact]
    public void Model_assert_detects_a_difference_deep_in_a_list()
    {
        var expected = Samples.ThreadDetail;
        var actual = expected with { Messages = [Samples.EmailMessage(41, false), Samples.EmailMessage(42) with { Attachments = [Samples.Attachment with { Size = 1 }] }] };

        var ex = Assert.ThrowsAny<Exception>(() => ModelAssert.Equivalent(expected, actual));

        Assert.Contains("Messages[1].Attachments[0].Size", ex.Message, StringComparison.Ordinal);
        Assert.ThrowsAny<Exception>(() => ModelAssert.Equivalent(Samples.Identity(), Samples.Identity() with { UpdatedDt = Samples.Updated.ToUniversalTime() }));
    }

    private static object? SampleValue(Type type, int index)
    {
        var underlying = Nullable.GetUnderlyingType(type) ?? type;
        if (underlying == typeof(string))
        {
            return $"value-{index}";
        }

        if (underlying == typeof(long))
        {
            return 1000L + index;
        }

        if (underlying == typeof(int))
        {
            return 100 + index;
        }

        if (underlying == typeof(bool))
        {
            return true;
        }

        if (underlying == typeof(DateTimeOffset))
        {
            return Samples.Updated.AddDays(index);
        }

        if (underlying == typeof(RaviEncryptedFields))
        {
            return RaviEncryptedFields.Password | RaviEncryptedFields.Notes;
        }

        if (underlying == typeof(RaviUser))
        {
            return Samples.User;
        }

        if (underlying == typeof(IEnumerable<EmailAttachment>))
        {
            return new[] { Samples.Attachment };
        }

        if (underlying == typeof(IEnumerable<EmailMessage>))
        {
            return new[] { Samples.EmailMessage(1), Samples.EmailMessage(2, false) };
        }

        if (underlying == typeof(IEnumerable<SmsConversationMessage>))
        {
            return new[] { RaviModelFactory.SmsConversationMessage(1, "hi", "inbound", true, Samples.Created) };
        }

        if (underlying == typeof(RaviTokenStoreException))
        {
            return SaveFailure;
        }

        if (underlying == typeof(IDictionary<string, JsonElement>))
        {
            using var doc = JsonDocument.Parse("""{"seats":3}""");
            return new Dictionary<string, JsonElement> { ["seats"] = doc.RootElement.GetProperty("seats").Clone() };
        }

        throw new InvalidOperationException("Add a sample value for " + type);
    }

    private static readonly RaviTokenStoreException SaveFailure = new("not saved", "/tmp/auth.json");
}
