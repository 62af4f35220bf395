using System.Collections;
using System.Reflection;
using System.Runtime.CompilerServices;
using System.Text.Json;
using System.Text.Json.Nodes;
using System.Text.Json.Serialization;
using Ravi.Sdk.Events;
using Ravi.Sdk.Models;
using Ravi.Sdk.Otp;
using Ravi.Sdk.Serialization;
using Ravi.Sdk.Testing;
using Ravi.Sdk.Totp;

namespace Ravi.Sdk.Tests.Models;

/// <summary>
/// The shape of every public model: wire names written out (<see cref="JsonPropertyNameAttribute"/>, no naming policy to
/// lean on), init-only properties (immutable to callers, buildable with object initializers, no positional constructor
/// to break when a property is added), and a hand-written converter for every response model that reads and writes
/// exactly the attributes' names (so the converter and the attributes cannot drift apart).
/// </summary>
public sealed class ModelShapeTests
{
    private static readonly Assembly Sdk = typeof(RaviClient).Assembly;

    /// <summary>
    /// Public types that are data: models, requests, events, OTP/TOTP results, the test server's records. (Options are
    /// classes with setters: the options rules of the naming sheet.)
    /// </summary>
    private static readonly Type[] DataTypes =
    [
        .. Sdk.GetExportedTypes().Where(t => t.Namespace == "Ravi.Sdk.Models" && t.IsClass && !t.Name.EndsWith("Options", StringComparison.Ordinal)),
        typeof(global::Ravi.Sdk.Auth.RaviTokens), typeof(EmailReceived), typeof(SmsReceived), typeof(RaviRawEvent), typeof(RaviEvent),
        typeof(OtpResult), typeof(VerificationLink), typeof(TotpCode), typeof(TotpEnrollment),
        .. typeof(RaviTestServer).Assembly.GetExportedTypes().Where(t => t.IsClass && t.GetMethod("<Clone>$") is not null),
    ];

    /// <summary>Response models, read from the API (each must have a converter on the context).</summary>
    private static readonly Type[] ResponseModels =
    [
        .. Sdk.GetExportedTypes().Where(t => t.Namespace == "Ravi.Sdk.Models" && t.IsClass
            && !t.Name.EndsWith("Request", StringComparison.Ordinal) && !t.Name.EndsWith("Options", StringComparison.Ordinal)
            && t != typeof(PasswordEntry) && t != typeof(VaultSecret)), // built from internal wire types (ciphertext is decrypted first)
    ];

    public static TheoryData<Type> Data => [.. DataTypes];

    public static TheoryData<Type> Responses => [.. ResponseModels];

    public static TheoryData<Type> WireMapped =>
    [
        .. Sdk.GetExportedTypes().Where(t => t.Namespace == "Ravi.Sdk.Models" && t.IsClass && !t.Name.EndsWith("Options", StringComparison.Ordinal)),
        .. Sdk.GetTypes().Where(t => t.Namespace == "Ravi.Sdk.Serialization.Wire" && !t.IsNested && t.GetCustomAttribute<CompilerGeneratedAttribute>() is null),
        typeof(EmailReceived).Assembly.GetType("Ravi.Sdk.Events.EmailEventPayload")!,
        typeof(EmailReceived).Assembly.GetType("Ravi.Sdk.Events.SmsEventPayload")!,
    ];

    [Theory]
    [MemberData(nameof(WireMapped))]
    public void Every_wire_mapped_property_names_its_wire_field(Type type)
    {
        var unnamed = type.GetProperties(BindingFlags.Public | BindingFlags.Instance | BindingFlags.DeclaredOnly)
            .Where(p => p.GetCustomAttribute<JsonPropertyNameAttribute>() is null && p.GetCustomAttribute<JsonIgnoreAttribute>() is null
                && p.Name != "EqualityContract")
            .Select(p => p.Name);

        Assert.Empty(unnamed);
    }

    [Fact]
    public void The_context_has_no_naming_policy_to_fall_back_on()
    {
        var options = typeof(RaviJsonContext).GetCustomAttribute<JsonSourceGenerationOptionsAttribute>()!;

        Assert.Equal(JsonKnownNamingPolicy.Unspecified, options.PropertyNamingPolicy);
    }

    [Theory]
    [MemberData(nameof(Data))]
    public void Data_types_are_init_only_and_built_with_object_initializers(Type type)
    {
        var settable = type.GetProperties(BindingFlags.Public | BindingFlags.Instance)
            .Where(p => p.SetMethod is { IsPublic: true } set && !set.ReturnParameter.GetRequiredCustomModifiers().Contains(typeof(IsExternalInit)))
            .Select(p => p.Name);
        Assert.Empty(settable);

        // No positional constructor: a property added later must not break anyone's code. (RaviEvent keeps the
        // constructor docs/architecture.md#public-names-that-are-fixed describes; RaviRawEvent takes its event type, which is not a property one can init.)
        var positional = type.GetConstructors()
            .Where(c => c.GetParameters().Length > 0 && !(c.GetParameters() is [var only] && only.ParameterType == type))
            .Where(c => type != typeof(RaviEvent) && type != typeof(RaviRawEvent));
        Assert.Empty(positional);
    }

    [Theory]
    [MemberData(nameof(Responses))]
    public void Every_response_model_has_a_converter_that_reads_every_named_field(Type type)
    {
        var typeInfo = RaviJsonContext.Default.GetTypeInfo(type)!;
        Assert.EndsWith("Converter", typeInfo.Converter.GetType().Name, StringComparison.Ordinal);
        Assert.Equal("Ravi.Sdk.Serialization.Converters", typeInfo.Converter.GetType().Namespace);

        var json = SampleObject(type).ToJsonString();
        var model = JsonSerializer.Deserialize(json, typeInfo)!;

        foreach (var property in Named(type))
        {
            var value = property.GetValue(model);
            Assert.False(IsEmpty(value), $"{type.Name}.{property.Name} was not read from '{WireName(property)}': {json}");
        }
    }

    [Theory]
    [MemberData(nameof(Responses))]
    public void Every_response_model_writes_the_named_fields_and_reads_back_equal(Type type)
    {
        var typeInfo = RaviJsonContext.Default.GetTypeInfo(type)!;
        var model = JsonSerializer.Deserialize(SampleObject(type).ToJsonString(), typeInfo)!;

        var written = JsonSerializer.Serialize(model, typeInfo);
        var again = JsonSerializer.Deserialize(written, typeInfo)!;

        Assert.Equal(Named(type).Select(WireName).Order(), JsonNode.Parse(written)!.AsObject().Select(p => p.Key).Where(k => k != "extra_field").Order());
        Assert.Equal(model, again); // records: compares every property, collections by content
    }

    [Theory]
    [MemberData(nameof(Responses))]
    public void Unknown_fields_are_skipped_and_fields_match_by_exact_name(Type type)
    {
        var sample = SampleObject(type);
        var typeInfo = RaviJsonContext.Default.GetTypeInfo(type)!;
        var expected = JsonSerializer.Deserialize(sample.ToJsonString(), typeInfo)!;
        var noisy = new JsonObject { ["zzz_unknown"] = new JsonObject { ["nested"] = new JsonArray(1, "two", null) } };
        foreach (var (name, value) in sample)
        {
            noisy[name] = value?.DeepClone();
            noisy[name.ToUpperInvariant()] = "SHOUTED"; // another field: the API's names are lower case and matched exactly
        }

        var read = JsonSerializer.Deserialize(noisy.ToJsonString(), typeInfo)!;

        if (type == typeof(Subscription))
        {
            Assert.Contains("zzz_unknown", ((Subscription)read).AdditionalProperties.Keys);
            read = (Subscription)read with { AdditionalProperties = ((Subscription)expected).AdditionalProperties };
        }

        Assert.Equal(expected, read);
    }

    internal static JsonObject SampleObject(Type type)
    {
        var obj = new JsonObject();
        foreach (var property in Named(type))
        {
            obj[WireName(property)] = SampleValue(property.PropertyType);
        }

        if (type == typeof(Subscription))
        {
            obj["extra_field"] = new JsonObject { ["seats"] = 3 };
        }

        return obj;
    }

    private static IEnumerable<PropertyInfo> Named(Type type) =>
        type.GetProperties(BindingFlags.Public | BindingFlags.Instance).Where(p => p.GetCustomAttribute<JsonPropertyNameAttribute>() is not null);

    private static string WireName(PropertyInfo property) => property.GetCustomAttribute<JsonPropertyNameAttribute>()!.Name;

    private static JsonNode SampleValue(Type type)
    {
        var underlying = Nullable.GetUnderlyingType(type) ?? type;
        if (underlying == typeof(string))
        {
            return "sample";
        }

        if (underlying == typeof(Uri))
        {
            return "https://ravi.test/sample?x=1";
        }

        if (underlying == typeof(long) || underlying == typeof(int))
        {
            return 7;
        }

        if (underlying == typeof(bool))
        {
            return true;
        }

        if (underlying == typeof(DateTimeOffset))
        {
            return "2026-03-01T08:15:30.123456+02:00";
        }

        if (underlying == typeof(TimeSpan))
        {
            return 9;
        }

        if (underlying == typeof(MessageDirection))
        {
            return "inbound";
        }

        if (underlying == typeof(SubscriptionStatus))
        {
            return "past_due";
        }

        if (underlying.IsGenericType && underlying.GetGenericTypeDefinition() == typeof(IReadOnlyList<>))
        {
            return new JsonArray(SampleObject(underlying.GetGenericArguments()[0]));
        }

        throw new InvalidOperationException("Add a sample value for " + type);
    }

    private static bool IsEmpty(object? value) => value switch
    {
        null => true,
        string s => s.Length == 0,
        long l => l == 0,
        int i => i == 0,
        bool b => !b,
        TimeSpan t => t == TimeSpan.Zero,
        ICollection c => c.Count == 0,
        IEnumerable e => !e.Cast<object>().Any(),
        _ => false,
    };
}
