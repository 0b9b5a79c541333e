namespace Grader.Core.Access;

/// <summary>What the key store keeps per key: the metadata and the SHA-256 of the secret part.</summary>
/// <param name="Key">The metadata.</param>
/// <param name="SecretHash">Lower-case hex SHA-256 of the secret (the part after the id).</param>
public sealed record StoredApiKey(ApiKey Key, string SecretHash);
