using Grader.Core.Access;
using Grader.Core.Courses;
using Grader.Core.Progress;
using Grader.Core.Submissions;
using Grader.Data.Content;
using Grader.Data.Database;
using Grader.Data.Stores;
using Microsoft.Extensions.Time.Testing;

namespace Grader.Data.Tests.Infrastructure;

/// <summary>The use cases wired to real stores on a test database, the real content folder, a fake clock and the two boundary fakes.</summary>
public sealed class Platform : IAsyncDisposable
{
    public const string Course = "vision-101";

    private static readonly Lazy<CourseContent> RealContent = new(() => ContentLoader.Load(Path.Combine(RepositoryPaths.Root, "content")));

    private Platform(TestDatabase database)
    {
        Database = database;
        Time = new FakeTimeProvider(new DateTimeOffset(2026, 3, 2, 9, 0, 0, TimeSpan.Zero));
        Options = new SubmissionOptions { WatchPollInterval = TimeSpan.FromMilliseconds(20), CancellationPollInterval = TimeSpan.FromMilliseconds(20) };
        Keys = new SqlApiKeyStore(database.DataSource);
        CourseStore = new SqlCourseStore(database.DataSource);
        SubmissionStore = new SqlSubmissionStore(database.DataSource, database.Dialect);
        ProgressStore = new SqlProgressStore(database.DataSource);
        KeyService = new KeyService(Keys, CourseStore, Time);
        CourseService = new CourseService(CourseStore, Content, Time);
        Submissions = new SubmissionService(SubmissionStore, CourseStore, Queue, Content, Options, Time);
        Progress = new ProgressService(ProgressStore, CourseStore, Content, Time);
        Processor = new SubmissionProcessor(SubmissionStore, Engine, Content, Options, TimeProvider.System);
    }

    public static CourseContent Content => RealContent.Value;

    public TestDatabase Database { get; }

    public FakeTimeProvider Time { get; }

    public SubmissionOptions Options { get; }

    public RecordingQueue Queue { get; } = new();

    public ScriptedEngine Engine { get; } = new();

    public IApiKeyStore Keys { get; }

    public ICourseStore CourseStore { get; }

    public ISubmissionStore SubmissionStore { get; }

    public IProgressStore ProgressStore { get; }

    public KeyService KeyService { get; }

    public CourseService CourseService { get; }

    public SubmissionService Submissions { get; }

    public ProgressService Progress { get; }

    public SubmissionProcessor Processor { get; }

    /// <summary>A migrated database with course <see cref="Course"/> created.</summary>
    public static async Task<Platform> CreateAsync(DatabaseProvider provider)
    {
        var platform = new Platform(await TestDatabase.CreateAsync(provider));
        await platform.CourseService.CreateCourseAsync(Principal.LocalOperator, Course, "Vision and sequences", CancellationToken.None);
        return platform;
    }

    /// <summary>A learner key's principal for <paramref name="learner"/> (enrolled in the course).</summary>
    public async Task<Principal> LearnerAsync(string learner)
    {
        var key = await KeyService.CreateAsync(Role.Learner, Course, learner, $"{learner}'s key", CancellationToken.None);
        return (await KeyService.AuthenticateAsync(key.Plaintext, CancellationToken.None))!;
    }

    /// <summary>Submits <paramref name="code"/> to mlp-vs-cnn as <paramref name="actor"/>.</summary>
    public Task<CreateSubmissionResult> SubmitAsync(Principal actor, string code, string? requestId = null, string? learner = null) =>
        Submissions.CreateAsync(actor, Course, "mlp-vs-cnn", learner ?? actor.LearnerId ?? "", [new SubmissionSource("Solution.cs", code)], requestId, null, CancellationToken.None);

    /// <summary>Submits and grades with the scripted engine, after moving the clock past the cooldown.</summary>
    public async Task<Submission> SubmitAndGradeAsync(Principal actor, string code)
    {
        Time.Advance(TimeSpan.FromMinutes(1));
        var created = await SubmitAsync(actor, code);
        var processed = await Processor.ProcessAsync(created.Submission.Id, CancellationToken.None);
        return processed.Submission!;
    }

    public ValueTask DisposeAsync() => Database.DisposeAsync();
}
