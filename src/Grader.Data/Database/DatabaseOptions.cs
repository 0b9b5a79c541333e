namespace Grader.Data.Database;

/// <summary>The "Database" section.</summary>
public sealed class DatabaseOptions
{
    public const string SectionName = "Database";

    /// <summary><c>Sqlite</c> (default) or <c>Postgres</c>.</summary>
    public DatabaseProvider Provider { get; set; } = DatabaseProvider.Sqlite;

    /// <summary>
    /// The provider's connection string. Empty with SQLite means <c>{Data:Directory}/grader.db</c>; PostgreSQL
    /// needs one, e.g. <c>Host=db;Database=grader;Username=grader;Password=…</c>.
    /// </summary>
    public string ConnectionString { get; set; } = "";

    /// <summary>Whether to apply pending migrations when the host starts (otherwise: <c>grader migrate</c>).</summary>
    public bool MigrateOnStart { get; set; } = true;

    /// <summary>How long a SQLite command waits for a lock held by another connection before failing.</summary>
    public TimeSpan SqliteBusyTimeout { get; set; } = TimeSpan.FromSeconds(30);
}
