namespace Grader.Core.Access;

/// <summary>A new key: its metadata and the only copy of the plaintext the caller must present.</summary>
/// <param name="Key">The stored metadata.</param>
/// <param name="Plaintext">The full key, <c>grd_{id}_{secret}</c>; shown once, stored only as a hash.</param>
public sealed record CreatedApiKey(ApiKey Key, string Plaintext);
