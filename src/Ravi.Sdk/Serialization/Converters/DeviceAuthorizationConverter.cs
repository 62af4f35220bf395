using System.Text.Json;
using Ravi.Sdk.Models;

namespace Ravi.Sdk.Serialization.Converters;

/// <summary>Reads and writes a device-code answer (RFC 8628 §3.2): <see cref="DeviceAuthorization"/> (see <see cref="ModelConverter{T}"/>).</summary>
internal sealed class DeviceAuthorizationConverter : ModelConverter<DeviceAuthorization>
{
    private const string Model = nameof(DeviceAuthorization);

    public static DeviceAuthorizationConverter Instance { get; } = new();

    protected override DeviceAuthorization ReadObject(ref Utf8JsonReader reader, JsonSerializerOptions options)
    {
        string? deviceCode = null;
        string? userCode = null;
        Uri? verificationUri = null;
        Uri? verificationUriComplete = null;
        TimeSpan? expiresIn = null;
        TimeSpan? interval = null;
        while (ModelReader.NextProperty(ref reader))
        {
            if (reader.ValueTextEquals("device_code"u8))
            {
                deviceCode = ModelReader.String(ref reader, Model, "device_code");
            }
            else if (reader.ValueTextEquals("user_code"u8))
            {
                userCode = ModelReader.String(ref reader, Model, "user_code");
            }
            else if (reader.ValueTextEquals("verification_uri"u8))
            {
                verificationUri = ModelReader.Uri(ref reader, Model, "verification_uri");
            }
            else if (reader.ValueTextEquals("verification_uri_complete"u8))
            {
                verificationUriComplete = ModelReader.Uri(ref reader, Model, "verification_uri_complete");
            }
            else if (reader.ValueTextEquals("expires_in"u8))
            {
                expiresIn = ModelReader.Seconds(ref reader, Model, "expires_in");
            }
            else if (reader.ValueTextEquals("interval"u8))
            {
                interval = ModelReader.Seconds(ref reader, Model, "interval");
            }
            else
            {
                ModelReader.Skip(ref reader);
            }
        }

        return new DeviceAuthorization
        {
            DeviceCode = ModelReader.Required(deviceCode, Model, "device_code"),
            UserCode = ModelReader.Required(userCode, Model, "user_code"),
            VerificationUri = ModelReader.Required(verificationUri, Model, "verification_uri"),
            VerificationUriComplete = verificationUriComplete,
            ExpiresIn = expiresIn ?? TimeSpan.Zero,
            Interval = interval ?? TimeSpan.Zero,
        };
    }

    protected override void WriteProperties(Utf8JsonWriter writer, DeviceAuthorization value, JsonSerializerOptions options)
    {
        ModelWriter.String(writer, "device_code"u8, value.DeviceCode);
        ModelWriter.String(writer, "user_code"u8, value.UserCode);
        ModelWriter.Uri(writer, "verification_uri"u8, value.VerificationUri);
        ModelWriter.Uri(writer, "verification_uri_complete"u8, value.VerificationUriComplete);
        ModelWriter.Seconds(writer, "expires_in"u8, value.ExpiresIn);
        ModelWriter.Seconds(writer, "interval"u8, value.Interval);
    }
}
