using Grader.Cli.Client;
using Grader.Cli.Configuration;
using Grader.Core.Access;
using Grader.Server;
using Microsoft.AspNetCore.Builder;
using Microsoft.Extensions.DependencyInjection;

namespace Grader.Server.Tests.Hosting;

/// <summary>
/// The real server hosted in this process on free loopback ports, over a fresh data folder (SQLite) and the test
/// content folder, configured exactly as <c>grader serve</c> configures it. Two courses exist from the start.
/// </summary>
public abstract class ServerFixture : IAsyncLifetime
{
    public const string Course = "intro";
    public const string OtherCourse = "other";

    private readonly string _role;
    private WebApplication? _app;

    protected ServerFixture(string role) => _role = role;

    public string DataDirectory { get; } = Path.Combine(Path.GetTempPath(), $"grader-server-tests-{Guid.NewGuid():N}");

    public WebApplication App => _app ?? throw new InvalidOperationException("not started");

    public Uri Address => App.Address();

    public async Task InitializeAsync()
    {
        var configuration = CliHost.BuildConfiguration(new Dictionary<string, string?>
        {
            ["Data:Directory"] = DataDirectory,
            ["Content:Root"] = TestPaths.Content,
            ["Server:Role"] = _role,
            ["Server:Listen"] = "127.0.0.1:0",
            ["Server:DashboardListen"] = "127.0.0.1:0",
            ["Logging:LogLevel:Default"] = "Warning",
        });
        _app = GraderServerHost.Create(configuration);
        await _app.StartAsync();
        var courses = _app.Services.GetRequiredService<Core.Courses.CourseService>();
        await courses.CreateCourseAsync(Principal.LocalOperator, Course, "Introduction", CancellationToken.None);
        await courses.CreateCourseAsync(Principal.LocalOperator, OtherCourse, "Another course", CancellationToken.None);
    }

    public async Task DisposeAsync()
    {
        if (_app is not null)
        {
            await _app.StopAsync();
            await _app.DisposeAsync();
            // AddHangfire points Hangfire's process-wide log provider at this host's logger factory, now disposed.
            Hangfire.Logging.LogProvider.SetCurrentLogProvider(null);
        }
        if (Directory.Exists(DataDirectory)) Directory.Delete(DataDirectory, recursive: true);
    }

    /// <summary>A new key (plaintext) made the way <c>grader keys create</c> makes one.</summary>
    public async Task<string> KeyAsync(Role role, string? course = Course, string? learner = null)
    {
        var created = await App.Services.GetRequiredService<KeyService>().CreateAsync(role, course, learner, "test", CancellationToken.None);
        return created.Plaintext;
    }

    /// <summary>A client of this server presenting <paramref name="key"/>.</summary>
    public GraderClient Client(string key) => new(Address, key);

    /// <summary>A fresh learner in <see cref="Course"/> and a client acting as them.</summary>
    public async Task<(string LearnerId, GraderClient Client)> NewLearnerAsync()
    {
        var learner = $"learner-{Guid.NewGuid():N}"[..20];
        return (learner, Client(await KeyAsync(Role.Learner, Course, learner)));
    }
}

/// <summary>API and dashboard only: submissions are accepted and queued but never graded (fast, for validation and access tests).</summary>
public sealed class ApiServerFixture() : ServerFixture("api");

/// <summary>API, jobs and dashboard in one process, as <c>grader serve</c> runs by default: submissions are graded in the sandbox.</summary>
public sealed class GradingServerFixture() : ServerFixture("all");
