using System.Data.Common;
using DbUp.Builder;

namespace Grader.Data.Database;

/// <summary>
/// Everything that differs between the databases, behind one seam: how to connect, which migration scripts to
/// run and with which DbUp target, and how to serialise a learner's completions. The repositories' SQL itself is
/// common (upserts with ON CONFLICT, RETURNING and keyset paging read the same in SQLite and PostgreSQL);
/// timestamps cross the boundary through <see cref="UtcTimeHandler"/>.
/// </summary>
public abstract class SqlDialect
{
    /// <summary>Every use of the stores starts from a dialect, so this is where Dapper learns the schema's conventions.</summary>
    protected SqlDialect() => DapperSetup.Configure();

    /// <summary>Which provider this is.</summary>
    public abstract DatabaseProvider Provider { get; }

    /// <summary>The resolved connection string.</summary>
    public abstract string ConnectionString { get; }

    /// <summary>Folder under <c>Migrations/</c> whose scripts this dialect runs.</summary>
    public abstract string MigrationFolder { get; }

    /// <summary>A data source for the application's connections.</summary>
    public abstract DbDataSource CreateDataSource();

    /// <summary>DbUp's target for this database.</summary>
    public abstract UpgradeEngineBuilder MigrationTarget(SupportedDatabases databases);

    /// <summary>
    /// SQL run first in a completing transaction to serialise completions of one learner (parameter <c>@key</c>),
    /// so two results cannot both pay the same improvement; null where transactions already serialise writers.
    /// </summary>
    public virtual string? LearnerLockSql => null;

    /// <summary>A condition that <paramref name="column"/> is one of the list parameter <paramref name="parameter"/> (Dapper expands <c>IN @list</c>).</summary>
    public virtual string InList(string column, string parameter) => $"{column} IN @{parameter}";

    /// <summary>Prepares the database before migrations (e.g. SQLite's WAL journal mode, which persists in the file).</summary>
    public virtual Task PrepareAsync(DbDataSource dataSource, CancellationToken cancellationToken) => Task.CompletedTask;

    /// <summary>Holds a cross-process lock while migrations run, where the database offers one.</summary>
    public virtual Task<IAsyncDisposable> LockMigrationsAsync(DbDataSource dataSource, CancellationToken cancellationToken) =>
        Task.FromResult<IAsyncDisposable>(NoLock.Instance);

    private sealed class NoLock : IAsyncDisposable
    {
        public static readonly NoLock Instance = new();

        public ValueTask DisposeAsync() => ValueTask.CompletedTask;
    }
}
