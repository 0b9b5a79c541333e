namespace Grader.Core.Access;

/// <summary>Port: persistence of API keys (implemented in Grader.Data).</summary>
public interface IApiKeyStore
{
    /// <summary>Stores a new key. Ids are random, so a clash is a fault, not a case to handle.</summary>
    Task InsertAsync(StoredApiKey key, CancellationToken cancellationToken);

    /// <summary>The key with <paramref name="keyId"/>, revoked or not; null when unknown.</summary>
    Task<StoredApiKey?> FindAsync(string keyId, CancellationToken cancellationToken);

    /// <summary>Every key, or those bound to <paramref name="courseId"/>, newest first.</summary>
    Task<IReadOnlyList<ApiKey>> ListAsync(string? courseId, CancellationToken cancellationToken);

    /// <summary>Sets <c>revoked_at</c> unless already set; false when the key does not exist.</summary>
    Task<bool> RevokeAsync(string keyId, DateTimeOffset revokedAt, CancellationToken cancellationToken);
}
