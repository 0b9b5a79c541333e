using System.Data.Common;
using System.Diagnostics.CodeAnalysis;
using Dapper;
using Grader.Core.Access;

namespace Grader.Data.Stores;

/// <summary>API keys in the <c>api_keys</c> table (secrets only as SHA-256).</summary>
internal sealed class SqlApiKeyStore(DbDataSource dataSource) : IApiKeyStore
{
    private const string Columns = "id, prefix, secret_hash, role, course_id, learner_id, label, created_at, revoked_at";

    public async Task InsertAsync(StoredApiKey key, CancellationToken cancellationToken)
    {
        var k = key.Key;
        var connection = await dataSource.OpenConnectionAsync(cancellationToken).ConfigureAwait(false);
        await using (connection.ConfigureAwait(false))
        {
            await connection.ExecuteAsync(new CommandDefinition(
                $"INSERT INTO api_keys ({Columns}) VALUES (@Id, @Prefix, @SecretHash, @Role, @CourseId, @LearnerId, @Label, @CreatedAt, @RevokedAt)",
                new { k.Id, k.Prefix, key.SecretHash, Role = RoleName(k.Role), k.CourseId, k.LearnerId, k.Label, k.CreatedAt, k.RevokedAt },
                cancellationToken: cancellationToken)).ConfigureAwait(false);
        }
    }

    public async Task<StoredApiKey?> FindAsync(string keyId, CancellationToken cancellationToken)
    {
        var connection = await dataSource.OpenConnectionAsync(cancellationToken).ConfigureAwait(false);
        await using (connection.ConfigureAwait(false))
        {
            var row = await connection.QuerySingleOrDefaultAsync<KeyRow>(new CommandDefinition(
                $"SELECT {Columns} FROM api_keys WHERE id = @keyId", new { keyId }, cancellationToken: cancellationToken)).ConfigureAwait(false);
            return row is null ? null : new StoredApiKey(row.ToKey(), row.SecretHash);
        }
    }

    public async Task<IReadOnlyList<ApiKey>> ListAsync(string? courseId, CancellationToken cancellationToken)
    {
        var connection = await dataSource.OpenConnectionAsync(cancellationToken).ConfigureAwait(false);
        await using (connection.ConfigureAwait(false))
        {
            var rows = await connection.QueryAsync<KeyRow>(new CommandDefinition(
                $"SELECT {Columns} FROM api_keys WHERE @courseId IS NULL OR course_id = @courseId ORDER BY created_at DESC, id DESC",
                new { courseId }, cancellationToken: cancellationToken)).ConfigureAwait(false);
            return [.. rows.Select(r => r.ToKey())];
        }
    }

    public async Task<bool> RevokeAsync(string keyId, DateTimeOffset revokedAt, CancellationToken cancellationToken)
    {
        var connection = await dataSource.OpenConnectionAsync(cancellationToken).ConfigureAwait(false);
        await using (connection.ConfigureAwait(false))
        {
            await connection.ExecuteAsync(new CommandDefinition(
                "UPDATE api_keys SET revoked_at = @revokedAt WHERE id = @keyId AND revoked_at IS NULL",
                new { keyId, revokedAt }, cancellationToken: cancellationToken)).ConfigureAwait(false);
            var exists = await connection.ExecuteScalarAsync<long>(new CommandDefinition(
                "SELECT COUNT(*) FROM api_keys WHERE id = @keyId", new { keyId }, cancellationToken: cancellationToken)).ConfigureAwait(false);
            return exists > 0;
        }
    }

    internal static string RoleName(Role role) => role.ToString().ToLowerInvariant();

    [SuppressMessage("Performance", "CA1812", Justification = "Instantiated by Dapper.")]
    private sealed class KeyRow
    {
        public string Id { get; set; } = "";
        public string Prefix { get; set; } = "";
        public string SecretHash { get; set; } = "";
        public string Role { get; set; } = "";
        public string CourseId { get; set; } = "";
        public string? LearnerId { get; set; }
        public string Label { get; set; } = "";
        public DateTimeOffset CreatedAt { get; set; }
        public DateTimeOffset? RevokedAt { get; set; }

        public ApiKey ToKey() => new(
            Id, Prefix, Enum.Parse<Role>(Role, ignoreCase: true), CourseId, LearnerId, Label, CreatedAt, RevokedAt);
    }
}
