using Dapper;
using Grader.Data.Database;
using Grader.Data.Tests.Infrastructure;

namespace Grader.Data.Tests.Migrations;

public sealed class DatabaseMigratorTests
{
    [SkippableTheory]
    [MemberData(nameof(Providers.All), MemberType = typeof(Providers))]
    public async Task MigrateAsync_EmptyDatabase_AppliesEveryScriptThenNothing(DatabaseProvider provider)
    {
        await using var database = await TestDatabase.CreateAsync(provider, migrate: false);

        var first = await database.Migrator.MigrateAsync(CancellationToken.None);
        var second = await database.Migrator.MigrateAsync(CancellationToken.None);

        Assert.Contains(first, name => name.EndsWith("0001_initial.sql", StringComparison.Ordinal));
        Assert.Empty(second);
        Assert.Empty(database.Migrator.Pending());
    }

    [SkippableTheory]
    [MemberData(nameof(Providers.All), MemberType = typeof(Providers))]
    public async Task MigrateAsync_EmptyDatabase_CreatesEveryTable(DatabaseProvider provider)
    {
        await using var database = await TestDatabase.CreateAsync(provider);
        string[] tables =
        [
            "courses", "course_members", "api_keys", "exercises", "exercise_versions", "submissions", "submission_sources",
            "submission_events", "results", "measurements", "grades", "xp_ledger", "achievements",
        ];

        await using var connection = await database.DataSource.OpenConnectionAsync();
        foreach (var table in tables)
        {
            Assert.Equal(0L, await connection.ExecuteScalarAsync<long>($"SELECT COUNT(*) FROM {table}"));
        }
    }

    [Fact]
    public async Task MigrateAsync_Sqlite_UsesWriteAheadLog()
    {
        await using var database = await TestDatabase.CreateAsync(DatabaseProvider.Sqlite);
        await using var connection = await database.DataSource.OpenConnectionAsync();

        Assert.Equal("wal", await connection.ExecuteScalarAsync<string>("PRAGMA journal_mode;"));
    }
}
