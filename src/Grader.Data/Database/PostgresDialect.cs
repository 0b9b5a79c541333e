using System.Data.Common;
using Dapper;
using DbUp;
using DbUp.Builder;
using Npgsql;

namespace Grader.Data.Database;

/// <summary>PostgreSQL through Npgsql's data source; advisory locks serialise migrations across nodes and a learner's completions.</summary>
public sealed class PostgresDialect(string connectionString) : SqlDialect
{
    // An arbitrary constant naming "grader schema migrations" among the database's advisory locks.
    private const long MigrationLockKey = 0x6772_6164_6572_01;

    public override DatabaseProvider Provider => DatabaseProvider.Postgres;

    public override string ConnectionString { get; } = connectionString;

    public override string MigrationFolder => "Postgres";

    public override string? LearnerLockSql => "SELECT pg_advisory_xact_lock(hashtextextended(@key, 0));";

    // Dapper hands Npgsql lists as native arrays, which PostgreSQL compares with ANY rather than IN.
    public override string InList(string column, string parameter) => $"{column} = ANY(@{parameter})";

    public override DbDataSource CreateDataSource() => new NpgsqlDataSourceBuilder(ConnectionString).Build();

    public override UpgradeEngineBuilder MigrationTarget(SupportedDatabases databases) => databases.PostgresqlDatabase(ConnectionString);

    public override async Task<IAsyncDisposable> LockMigrationsAsync(DbDataSource dataSource, CancellationToken cancellationToken)
    {
        ArgumentNullException.ThrowIfNull(dataSource);
        var connection = await dataSource.OpenConnectionAsync(cancellationToken).ConfigureAwait(false);
        try
        {
            await connection.ExecuteAsync(new CommandDefinition("SELECT pg_advisory_lock(@key);", new { key = MigrationLockKey }, cancellationToken: cancellationToken)).ConfigureAwait(false);
            return new SessionLock(connection);
        }
        catch
        {
            await connection.DisposeAsync().ConfigureAwait(false);
            throw;
        }
    }

    private sealed class SessionLock(DbConnection connection) : IAsyncDisposable
    {
        public async ValueTask DisposeAsync()
        {
            await using (connection.ConfigureAwait(false))
            {
                await connection.ExecuteAsync(new CommandDefinition("SELECT pg_advisory_unlock(@key);", new { key = MigrationLockKey })).ConfigureAwait(false);
            }
        }
    }
}
