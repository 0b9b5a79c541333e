using System.Data.Common;
using Dapper;
using DbUp;
using DbUp.Builder;
using Microsoft.Data.Sqlite;

namespace Grader.Data.Database;

/// <summary>SQLite through Microsoft.Data.Sqlite: a file, WAL journal, foreign keys on, busy waits up to the configured timeout.</summary>
public sealed class SqliteDialect : SqlDialect
{
    /// <param name="connectionString">A Microsoft.Data.Sqlite connection string.</param>
    /// <param name="busyTimeout">How long a command retries while another connection holds the lock.</param>
    public SqliteDialect(string connectionString, TimeSpan busyTimeout)
    {
        var builder = new SqliteConnectionStringBuilder(connectionString)
        {
            ForeignKeys = true,
            Pooling = true,
            // Microsoft.Data.Sqlite retries SQLITE_BUSY until the command timeout: this is the busy timeout.
            DefaultTimeout = (int)Math.Ceiling(busyTimeout.TotalSeconds),
        };
        ConnectionString = builder.ToString();
        FilePath = builder.DataSource;
    }

    public override DatabaseProvider Provider => DatabaseProvider.Sqlite;

    public override string ConnectionString { get; }

    /// <summary>The database file (or <c>:memory:</c>).</summary>
    public string FilePath { get; }

    public override string MigrationFolder => "Sqlite";

    public override DbDataSource CreateDataSource()
    {
        var directory = Path.GetDirectoryName(Path.GetFullPath(FilePath));
        if (FilePath != ":memory:" && directory is not null)
        {
            Directory.CreateDirectory(directory);
        }

        return SqliteFactory.Instance.CreateDataSource(ConnectionString);
    }

    public override UpgradeEngineBuilder MigrationTarget(SupportedDatabases databases) => databases.SqliteDatabase(ConnectionString);

    public override async Task PrepareAsync(DbDataSource dataSource, CancellationToken cancellationToken)
    {
        ArgumentNullException.ThrowIfNull(dataSource);
        var connection = await dataSource.OpenConnectionAsync(cancellationToken).ConfigureAwait(false);
        await using (connection.ConfigureAwait(false))
        {
            // WAL lets readers (Watch, GetSubmission) run beside the one writer; the mode is stored in the file.
            await connection.ExecuteAsync(new CommandDefinition("PRAGMA journal_mode=WAL;", cancellationToken: cancellationToken)).ConfigureAwait(false);
        }
    }
}
