using System.Text.Json;
using Ravi.Sdk.Models;

namespace Ravi.Sdk.Serialization.Converters;

/// <summary>Reads and writes the signed-in user: <see cref="AccountUser"/> (see <see cref="ModelConverter{T}"/>).</summary>
internal sealed class AccountUserConverter : ModelConverter<AccountUser>
{
    private const string Model = nameof(AccountUser);

    public static AccountUserConverter Instance { get; } = new();

    protected override AccountUser ReadObject(ref Utf8JsonReader reader, JsonSerializerOptions options)
    {
        long id = default;
        string? email = null;
        string? firstName = null;
        string? lastName = null;
        while (ModelReader.NextProperty(ref reader))
        {
            if (reader.ValueTextEquals("id"u8))
            {
                id = ModelReader.Int64(ref reader, Model, "id");
            }
            else if (reader.ValueTextEquals("email"u8))
            {
                email = ModelReader.String(ref reader, Model, "email");
            }
            else if (reader.ValueTextEquals("first_name"u8))
            {
                firstName = ModelReader.String(ref reader, Model, "first_name");
            }
            else if (reader.ValueTextEquals("last_name"u8))
            {
                lastName = ModelReader.String(ref reader, Model, "last_name");
            }
            else
            {
                ModelReader.Skip(ref reader);
            }
        }

        return new AccountUser
        {
            Id = id,
            Email = email,
            FirstName = firstName,
            LastName = lastName,
        };
    }

    protected override void WriteProperties(Utf8JsonWriter writer, AccountUser value, JsonSerializerOptions options)
    {
        writer.WriteNumber("id"u8, value.Id);
        ModelWriter.String(writer, "email"u8, value.Email);
        ModelWriter.String(writer, "first_name"u8, value.FirstName);
        ModelWriter.String(writer, "last_name"u8, value.LastName);
    }
}
