namespace Ravi.Sdk.Crypto;

/// <summary>What a verifier turned out to be under a key (<see cref="E2eFieldFormat.OpenVerifier"/>).</summary>
internal enum VerifierState
{
    /// <summary>It opens with the key and holds exactly <c>ravi-e2e-verify</c>.</summary>
    Valid,

    /// <summary>It opens with the key but holds other bytes.</summary>
    WrongContent,

    /// <summary>It is malformed, or it does not open with the key.</summary>
    NotForThisKey,
}
