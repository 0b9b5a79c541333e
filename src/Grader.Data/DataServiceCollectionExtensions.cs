using System.Data.Common;
using Grader.Core.Access;
using Grader.Core.Courses;
using Grader.Core.Progress;
using Grader.Core.Submissions;
using Grader.Data.Content;
using Grader.Data.Database;
using Grader.Data.Migrations;
using Grader.Data.Stores;
using Grader.Data.Submissions;
using Microsoft.Extensions.Configuration;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.DependencyInjection.Extensions;
using Microsoft.Extensions.Hosting;
using Microsoft.Extensions.Options;

namespace Grader.Data;

public static class DataServiceCollectionExtensions
{
    /// <summary>The SQLite file used when no connection string is configured.</summary>
    public const string DefaultDatabaseFile = "grader.db";

    /// <summary>
    /// Registers the storage and the use cases: the dialect and its <see cref="DbDataSource"/> ("Database" section;
    /// SQLite at <c>{Data:Directory}/grader.db</c> by default), <see cref="DatabaseMigrator"/> (run at host start
    /// unless Database:MigrateOnStart is false), the stores behind Core's ports, <see cref="CourseContent"/> from
    /// the "Content" section, <see cref="SubmissionOptions"/>, and KeyService, CourseService, SubmissionService,
    /// ProgressService and SubmissionProcessor. The processor also needs an <see cref="IGradingEngine"/> and the
    /// submission service an <see cref="ISubmissionQueue"/> (the server's AddGradingJobs provides both).
    /// </summary>
    public static IServiceCollection AddGraderData(this IServiceCollection services, IConfiguration configuration)
    {
        ArgumentNullException.ThrowIfNull(configuration);
        DapperSetup.Configure();
        services.TryAddSingleton(TimeProvider.System);

        services.AddOptions<DatabaseOptions>().Bind(configuration.GetSection(DatabaseOptions.SectionName)).ValidateOnStart();
        services.TryAddEnumerable(ServiceDescriptor.Singleton<IValidateOptions<DatabaseOptions>, DatabaseOptionsValidator>());
        services.AddOptions<ContentOptions>().Bind(configuration.GetSection(ContentOptions.SectionName));
        services.AddOptions<SubmissionOptions>().Bind(configuration.GetSection(SubmissionOptions.SectionName)).ValidateOnStart();
        services.TryAddEnumerable(ServiceDescriptor.Singleton<IValidateOptions<SubmissionOptions>, SubmissionOptionsValidator>());
        services.TryAddSingleton(sp => sp.GetRequiredService<IOptions<SubmissionOptions>>().Value);

        services.TryAddSingleton<SqlDialect>(sp => CreateDialect(sp.GetRequiredService<IOptions<DatabaseOptions>>().Value, configuration));
        services.TryAddSingleton<DbDataSource>(sp => sp.GetRequiredService<SqlDialect>().CreateDataSource());
        services.TryAddSingleton<DatabaseMigrator>();
        services.AddHostedService<MigrateOnStartService>();

        services.TryAddSingleton(sp => ContentLoader.Load(ContentLoader.LocateRoot(sp.GetRequiredService<IOptions<ContentOptions>>().Value.Root)));

        services.TryAddSingleton<IApiKeyStore, SqlApiKeyStore>();
        services.TryAddSingleton<ICourseStore, SqlCourseStore>();
        services.TryAddSingleton<ISubmissionStore, SqlSubmissionStore>();
        services.TryAddSingleton<IProgressStore, SqlProgressStore>();

        services.TryAddSingleton<KeyService>();
        services.TryAddSingleton<CourseService>();
        services.TryAddSingleton<SubmissionService>();
        services.TryAddSingleton<ProgressService>();
        services.TryAddSingleton<SubmissionProcessor>();
        return services;
    }

    /// <summary>The dialect for <paramref name="options"/>; SQLite's default file lives under Data:Directory.</summary>
    public static SqlDialect CreateDialect(DatabaseOptions options, IConfiguration configuration)
    {
        ArgumentNullException.ThrowIfNull(options);
        ArgumentNullException.ThrowIfNull(configuration);
        if (options.Provider == DatabaseProvider.Postgres)
        {
            return new PostgresDialect(options.ConnectionString);
        }

        var connectionString = options.ConnectionString;
        if (string.IsNullOrWhiteSpace(connectionString))
        {
            var dataDirectory = configuration["Data:Directory"];
            var directory = string.IsNullOrEmpty(dataDirectory)
                ? Path.Combine(Environment.GetFolderPath(Environment.SpecialFolder.LocalApplicationData, Environment.SpecialFolderOption.Create), "grader")
                : Path.GetFullPath(dataDirectory);
            connectionString = $"Data Source={Path.Combine(directory, DefaultDatabaseFile)}";
        }

        return new SqliteDialect(connectionString, options.SqliteBusyTimeout);
    }
}
