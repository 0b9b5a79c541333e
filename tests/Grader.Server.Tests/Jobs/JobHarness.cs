using Grader.Cli.Configuration;
using Grader.Core.Access;
using Grader.Core.Courses;
using Grader.Core.Submissions;
using Grader.Data;
using Grader.Data.Migrations;
using Grader.Server.Jobs;
using Grader.Server.Tests.Hosting;
using Hangfire;
using Hangfire.Storage.SQLite;
using Microsoft.Extensions.DependencyInjection;

namespace Grader.Server.Tests.Jobs;

/// <summary>
/// The grading job without the API: real SQLite (application data and Hangfire's storage), the real compiler,
/// runner and bubblewrap sandbox, the test content's tiny lesson-01 profile. Tests play the Hangfire worker by
/// calling <see cref="GradeSubmissionJob.RunAsync"/> themselves, which is also how they retry a job.
/// </summary>
public sealed class JobHarness : IAsyncDisposable
{
    public const string Course = "jobs";

    private readonly ServiceProvider _services;

    private JobHarness(ServiceProvider services, SQLiteStorage storage, string directory)
    {
        _services = services;
        Storage = storage;
        DataDirectory = directory;
    }

    public string DataDirectory { get; }

    public SQLiteStorage Storage { get; }

    public SubmissionService Submissions => _services.GetRequiredService<SubmissionService>();

    public GradeSubmissionJob Job => _services.GetRequiredService<GradeSubmissionJob>();

    public static async Task<JobHarness> CreateAsync()
    {
        var directory = Path.Combine(Path.GetTempPath(), $"grader-job-tests-{Guid.NewGuid():N}");
        Directory.CreateDirectory(directory);
        var configuration = CliHost.BuildConfiguration(new Dictionary<string, string?>
        {
            ["Data:Directory"] = directory,
            ["Content:Root"] = TestPaths.Content,
            ["Submissions:CancellationPollInterval"] = "00:00:00.200",
        });
        var storage = new SQLiteStorage(Path.Combine(directory, "hangfire.db"), new SQLiteStorageOptions());
        var services = new ServiceCollection()
            .AddLogging()
            .AddSingleton<Microsoft.Extensions.Configuration.IConfiguration>(configuration)
            .AddGraderData(configuration)
            .AddGradingJobs()
            .AddSingleton<IBackgroundJobClient>(new BackgroundJobClient(storage))
            .BuildServiceProvider(new ServiceProviderOptions { ValidateOnBuild = true });
        await services.GetRequiredService<DatabaseMigrator>().MigrateAsync(CancellationToken.None);
        await services.GetRequiredService<CourseService>().CreateCourseAsync(Principal.LocalOperator, Course, "Jobs", CancellationToken.None);
        return new JobHarness(services, storage, directory);
    }

    public async Task<Principal> LearnerAsync(string learner)
    {
        var keys = _services.GetRequiredService<KeyService>();
        var key = await keys.CreateAsync(Role.Learner, Course, learner, "test", CancellationToken.None);
        return (await keys.AuthenticateAsync(key.Plaintext, CancellationToken.None))!;
    }

    public async Task<Submission> SubmitAsync(Principal learner, string exercise, string sourceFile) =>
        (await Submissions.CreateAsync(
            learner, Course, exercise, learner.LearnerId!, [new SubmissionSource("Solution.cs", await File.ReadAllTextAsync(sourceFile))],
            null, null, CancellationToken.None)).Submission;

    public async ValueTask DisposeAsync()
    {
        await _services.DisposeAsync();
        Storage.Dispose();
        Microsoft.Data.Sqlite.SqliteConnection.ClearAllPools();
        Directory.Delete(DataDirectory, recursive: true);
    }
}
