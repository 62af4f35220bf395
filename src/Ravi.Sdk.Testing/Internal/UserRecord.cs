namespace Ravi.Sdk.Testing.Internal;

/// <summary>A user account. Mutated only under <see cref="ServerState.Sync"/>.</summary>
internal sealed class UserRecord(long id, string email, string password, string firstName, string lastName)
{
    public long Id { get; } = id;
    public string Email { get; } = email;
    public string Password { get; } = password;
    public string FirstName { get; } = firstName;
    public string LastName { get; } = lastName;
    public bool SubscriptionActive { get; set; } = true;
    public EncryptionRecord? Encryption { get; set; }

    public RaviTestUser ToPublic() => new() { Id = Id, Email = Email, Password = Password, FirstName = FirstName, LastName = LastName };
}
