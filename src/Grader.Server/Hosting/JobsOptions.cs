namespace Grader.Server.Hosting;

/// <summary>
/// The "Jobs" section: Hangfire's storage and polling. Storage follows <c>Database:Provider</c>: with SQLite,
/// its own file beside the application database; with PostgreSQL, the same database (schema "hangfire").
/// </summary>
public sealed class JobsOptions
{
    public const string SectionName = "Jobs";

    /// <summary>The SQLite file for Hangfire; empty means <c>{Data:Directory}/hangfire.db</c>.</summary>
    public string SqlitePath { get; set; } = "";

    /// <summary>How often an idle worker polls the queue.</summary>
    public TimeSpan QueuePollInterval { get; set; } = TimeSpan.FromSeconds(1);

    /// <summary>
    /// How long a fetched job stays invisible to other workers. The SQLite storage has no heartbeat, so this
    /// must exceed the longest grading (the full profile's wall clock is 40 min); PostgreSQL slides it while
    /// the job runs. A crashed process's job is not left waiting this long: see <see cref="OrphanedJobRequeuer"/>.
    /// </summary>
    public TimeSpan InvisibilityTimeout { get; set; } = TimeSpan.FromHours(2);

    /// <summary>How long a stopping worker waits for running jobs before they are requeued.</summary>
    public TimeSpan ShutdownTimeout { get; set; } = TimeSpan.FromSeconds(15);
}
