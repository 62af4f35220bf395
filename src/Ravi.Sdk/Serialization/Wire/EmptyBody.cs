namespace Ravi.Sdk.Serialization.Wire;

/// <summary>An empty JSON object body (<c>{}</c>).</summary>
internal sealed record EmptyBody;
