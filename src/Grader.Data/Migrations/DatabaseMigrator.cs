using System.Data.Common;
using DbUp;
using DbUp.Engine;
using Grader.Data.Database;
using Microsoft.Extensions.Logging;

namespace Grader.Data.Migrations;

/// <summary>
/// Applies the versioned SQL scripts of the configured dialect (<c>Migrations/{Sqlite|Postgres}/NNNN_name.sql</c>,
/// embedded in this assembly) through DbUp, which records each applied script in its <c>schemaversions</c> table
/// and runs each script in its own transaction, so a failing script leaves the schema at the previous version.
/// </summary>
public sealed partial class DatabaseMigrator(SqlDialect dialect, DbDataSource dataSource, ILogger<DatabaseMigrator> logger)
{
    /// <summary>Applies pending scripts; returns their names (empty when the schema is current).</summary>
    /// <exception cref="InvalidOperationException">A script failed; the message names it.</exception>
    public async Task<IReadOnlyList<string>> MigrateAsync(CancellationToken cancellationToken)
    {
        await dialect.PrepareAsync(dataSource, cancellationToken).ConfigureAwait(false);
        var migrationLock = await dialect.LockMigrationsAsync(dataSource, cancellationToken).ConfigureAwait(false);
        await using (migrationLock.ConfigureAwait(false))
        {
            var engine = Engine();
            var pending = engine.GetScriptsToExecute();
            if (pending.Count == 0)
            {
                Log.SchemaCurrent(logger, dialect.Provider);
                return [];
            }

            // DbUp's API is synchronous; it runs once at start-up, off the caller's thread.
            var result = await Task.Run(engine.PerformUpgrade, cancellationToken).ConfigureAwait(false);
            if (!result.Successful)
            {
                throw new InvalidOperationException(
                    $"Migration {result.ErrorScript?.Name ?? "(unknown script)"} failed on {dialect.Provider}: {result.Error?.Message}", result.Error);
            }

            var applied = result.Scripts.Select(s => s.Name).ToList();
            foreach (var name in applied)
            {
                Log.Applied(logger, name, dialect.Provider);
            }

            return applied;
        }
    }

    /// <summary>Names of the scripts not yet applied.</summary>
    public IReadOnlyList<string> Pending() => [.. Engine().GetScriptsToExecute().Select(s => s.Name)];

    private UpgradeEngine Engine()
    {
        var marker = $".Migrations.{dialect.MigrationFolder}.";
        return dialect.MigrationTarget(DeployChanges.To)
            .WithScriptsEmbeddedInAssembly(typeof(DatabaseMigrator).Assembly, name => name.Contains(marker, StringComparison.Ordinal))
            .WithTransactionPerScript()
            .LogToNowhere()
            .Build();
    }

    private static partial class Log
    {
        [LoggerMessage(EventId = 1, Level = LogLevel.Information, Message = "Applied migration {Script} ({Provider})")]
        public static partial void Applied(ILogger logger, string script, DatabaseProvider provider);

        [LoggerMessage(EventId = 2, Level = LogLevel.Debug, Message = "Database schema is current ({Provider})")]
        public static partial void SchemaCurrent(ILogger logger, DatabaseProvider provider);
    }
}
