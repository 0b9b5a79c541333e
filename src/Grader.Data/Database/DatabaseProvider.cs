namespace Grader.Data.Database;

/// <summary>Which database holds the application data.</summary>
public enum DatabaseProvider
{
    /// <summary>Embedded default: one SQLite file under the data directory.</summary>
    Sqlite,

    /// <summary>PostgreSQL, for several nodes sharing one database.</summary>
    Postgres,
}
