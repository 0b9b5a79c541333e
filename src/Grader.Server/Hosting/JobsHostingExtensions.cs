using Grader.Data.Database;
using Hangfire;
using Hangfire.PostgreSql;
using Hangfire.Storage.SQLite;
using Microsoft.Extensions.Configuration;
using Microsoft.Extensions.DependencyInjection;

namespace Grader.Server.Hosting;

/// <summary>Hangfire's storage (SQLite file or PostgreSQL, following <c>Database:Provider</c>) and, for job-running roles, its server.</summary>
public static class JobsHostingExtensions
{
    /// <summary>The queue every grading job goes to.</summary>
    public const string GradingQueue = "grading";

    public static IServiceCollection AddJobsHosting(this IServiceCollection services, IConfiguration configuration, ServerOptions server)
    {
        ArgumentNullException.ThrowIfNull(configuration);
        ArgumentNullException.ThrowIfNull(server);
        var jobs = configuration.GetSection(JobsOptions.SectionName).Get<JobsOptions>() ?? new JobsOptions();
        var database = configuration.GetSection(DatabaseOptions.SectionName).Get<DatabaseOptions>() ?? new DatabaseOptions();
        var sqlitePath = database.Provider == DatabaseProvider.Sqlite ? SqlitePath(configuration, jobs) : null;

        services.AddHangfire(config =>
        {
            config.SetDataCompatibilityLevel(CompatibilityLevel.Version_180)
                .UseSimpleAssemblyNameTypeSerializer()
                .UseRecommendedSerializerSettings();
            if (sqlitePath is not null)
            {
                config.UseSQLiteStorage(sqlitePath, new SQLiteStorageOptions
                {
                    QueuePollInterval = jobs.QueuePollInterval,
                    InvisibilityTimeout = jobs.InvisibilityTimeout,
                });
            }
            else
            {
                config.UsePostgreSqlStorage(
                    o => o.UseNpgsqlConnection(database.ConnectionString),
                    new PostgreSqlStorageOptions
                    {
                        QueuePollInterval = jobs.QueuePollInterval,
                        InvisibilityTimeout = jobs.InvisibilityTimeout,
                        UseSlidingInvisibilityTimeout = true,
                        PrepareSchemaIfNecessary = true,
                    });
            }
        });

        if (server.RunsJobs)
        {
            if (sqlitePath is not null) services.AddHostedService<OrphanedJobRequeuer>();
            services.AddHangfireServer(o =>
            {
                o.Queues = [GradingQueue];
                o.WorkerCount = server.Workers;
                o.ShutdownTimeout = jobs.ShutdownTimeout;
                o.SchedulePollingInterval = TimeSpan.FromSeconds(5);
            });
        }
        return services;
    }

    private static string SqlitePath(IConfiguration configuration, JobsOptions jobs)
    {
        if (jobs.SqlitePath.Length > 0) return Path.GetFullPath(jobs.SqlitePath);
        var directory = configuration["Data:Directory"];
        if (string.IsNullOrEmpty(directory))
            throw new InvalidOperationException("Data:Directory must be set (grader serve sets it to the resolved data folder).");
        Directory.CreateDirectory(directory);
        return Path.Combine(Path.GetFullPath(directory), "hangfire.db");
    }
}
