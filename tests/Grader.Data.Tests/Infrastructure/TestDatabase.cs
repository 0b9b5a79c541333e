using System.Data.Common;
using Dapper;
using Grader.Data.Database;
using Grader.Data.Migrations;
using Microsoft.Data.Sqlite;
using Microsoft.Extensions.Configuration;
using Microsoft.Extensions.Logging.Abstractions;
using Npgsql;

namespace Grader.Data.Tests.Infrastructure;

/// <summary>
/// A fresh, migrated database per test: a temporary SQLite file, or a new database on the PostgreSQL server named
/// by GRADER_TEST_POSTGRES (read through configuration). Without that variable PostgreSQL cases are skipped
/// with the reason; scripts/test.sh always sets it.
/// </summary>
public sealed class TestDatabase : IAsyncDisposable
{
    public const string PostgresVariable = "GRADER_TEST_POSTGRES";

    private readonly string? _sqliteFile;
    private readonly string? _postgresAdmin;
    private readonly string? _postgresName;

    private TestDatabase(SqlDialect dialect, string? sqliteFile, string? postgresAdmin, string? postgresName)
    {
        Dialect = dialect;
        DataSource = dialect.CreateDataSource();
        Migrator = new DatabaseMigrator(dialect, DataSource, NullLogger<DatabaseMigrator>.Instance);
        _sqliteFile = sqliteFile;
        _postgresAdmin = postgresAdmin;
        _postgresName = postgresName;
    }

    public SqlDialect Dialect { get; }

    public DbDataSource DataSource { get; }

    public DatabaseMigrator Migrator { get; }

    /// <summary>Creates an empty database; <paramref name="migrate"/> applies the schema.</summary>
    public static async Task<TestDatabase> CreateAsync(DatabaseProvider provider, bool migrate = true)
    {
        TestDatabase database;
        if (provider == DatabaseProvider.Sqlite)
        {
            var directory = Path.Combine(Path.GetTempPath(), "grader-data-tests");
            Directory.CreateDirectory(directory);
            var file = Path.Combine(directory, $"{Guid.NewGuid():N}.db");
            database = new TestDatabase(new SqliteDialect($"Data Source={file}", TimeSpan.FromSeconds(30)), file, null, null);
        }
        else
        {
            var admin = new ConfigurationBuilder().AddEnvironmentVariables().Build()[PostgresVariable];
            Skip.If(string.IsNullOrEmpty(admin), $"{PostgresVariable} is not set, so there is no PostgreSQL server to test against (scripts/test.sh starts one).");
            var name = $"grader_test_{Guid.NewGuid():N}";
            var adminConnection = new NpgsqlConnection(admin);
            await using (adminConnection.ConfigureAwait(false))
            {
                await adminConnection.OpenAsync().ConfigureAwait(false);
                await adminConnection.ExecuteAsync($"CREATE DATABASE {name}").ConfigureAwait(false);
            }

            var builder = new NpgsqlConnectionStringBuilder(admin) { Database = name };
            database = new TestDatabase(new PostgresDialect(builder.ConnectionString), null, admin, name);
        }

        if (migrate)
        {
            await database.Migrator.MigrateAsync(CancellationToken.None).ConfigureAwait(false);
        }

        return database;
    }

    public async ValueTask DisposeAsync()
    {
        await DataSource.DisposeAsync().ConfigureAwait(false);
        if (_sqliteFile is not null)
        {
            SqliteConnection.ClearAllPools();
            foreach (var suffix in new[] { "", "-wal", "-shm" })
            {
                File.Delete(_sqliteFile + suffix);
            }
        }
        else if (_postgresAdmin is not null)
        {
            NpgsqlConnection.ClearAllPools();
            var adminConnection = new NpgsqlConnection(_postgresAdmin);
            await using (adminConnection.ConfigureAwait(false))
            {
                await adminConnection.OpenAsync().ConfigureAwait(false);
                await adminConnection.ExecuteAsync($"DROP DATABASE IF EXISTS {_postgresName} WITH (FORCE)").ConfigureAwait(false);
            }
        }
    }
}
