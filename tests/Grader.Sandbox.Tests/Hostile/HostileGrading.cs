using Grader.Contracts.V1;
using Grader.Core.Exercises;
using Grader.Sandbox.Grading;
using Grader.Sandbox.Tests.Running;
using Microsoft.Extensions.Configuration;
using Microsoft.Extensions.DependencyInjection;

namespace Grader.Sandbox.Tests.Hostile;

/// <summary>
/// The real grading pipeline as the CLI composes it (<see cref="GradingServiceCollectionExtensions.AddSubmissionGrading"/>):
/// the real compiler and policy, the real runner in the real sandbox, the lesson's real rubric. Only the recipe is
/// shrunk (a tiny quick profile, small limits). Every run
/// uses a job root of its own, so the suite can check nothing is left behind.
/// </summary>
public sealed class HostileGrading : IDisposable
{
    public const string Tiny = "quick";

    private readonly ServiceProvider services;

    public HostileGrading()
        : this(RunnerTestHost.RunnerPath)
    {
    }

    /// <summary>The same pipeline with another runner (a forged one, to see what the host believes).</summary>
    internal HostileGrading(string runnerPath)
    {
        JobRoot = Path.Combine(Path.GetTempPath(), "grader-hostile-" + Guid.NewGuid().ToString("N"));
        var configuration = new ConfigurationBuilder()
            .AddInMemoryCollection(new Dictionary<string, string?>
            {
                ["Sandbox:RunnerPath"] = runnerPath,
                ["Sandbox:JobRoot"] = JobRoot,
                // A flood is a flood long before the default 16 MB; a small cap keeps the test quick.
                ["Sandbox:OutputLimitBytes"] = (1024 * 1024).ToString(System.Globalization.CultureInfo.InvariantCulture),
            })
            .Build();
        services = new ServiceCollection()
            .AddSingleton<IConfiguration>(configuration)
            .AddLogging()
            .AddSubmissionGrading()
            .BuildServiceProvider(new ServiceProviderOptions { ValidateOnBuild = true });

        var root = RepositoryPaths.Root;
        var path = Path.Combine(root, "content", "exercises", "mlp-vs-cnn", "exercise.yaml");
        var lesson = ExerciseCatalog.Load(path, File.ReadAllText(path)).Get("mlp-vs-cnn");
        var quick = lesson.GetProfile("quick");
        Exercise = lesson with
        {
            Profiles = new Dictionary<string, ExerciseProfile>
            {
                [Tiny] = quick with
                {
                    Recipe = quick.Recipe with { Epochs = 1, TrainLimit = 128, TestLimit = 64, TimeLimitSeconds = 60 },
                    Limits = new RunLimits(WallClockSeconds: 25, MemoryMb: 1024),
                },
            },
        };
        ReferenceSource = File.ReadAllText(Path.Combine(root, "content", "exercises", "mlp-vs-cnn", "reference", "Solution.cs"));
    }

    public string JobRoot { get; }

    public ExerciseDefinition Exercise { get; }

    public string ReferenceSource { get; }

    /// <summary>The reference's result before any hostile submission ran, when the suite graded it first.</summary>
    public GradingResult? ReferenceBefore { get; set; }

    public Task<GradingResult> GradeAsync(string source, string profile = Tiny, ulong seed = 3) =>
        services.GetRequiredService<SubmissionGrader>().GradeAsync(
            new GradeRequest(Exercise, profile, ExerciseDatasets.Synthetic, [Sandbox.Compilation.SourceFile.FromUtf8("Solution.cs", System.Text.Encoding.UTF8.GetBytes(source))], seed),
            progress: null,
            CancellationToken.None);

    public void Dispose()
    {
        services.Dispose();
        if (Directory.Exists(JobRoot))
        {
            Directory.Delete(JobRoot, recursive: true);
        }
    }
}
