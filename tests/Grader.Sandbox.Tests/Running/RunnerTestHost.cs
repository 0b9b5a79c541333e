using Grader.Contracts.Runner.V1;
using Grader.Sandbox.Running;
using Microsoft.Extensions.Logging.Abstractions;
using Microsoft.Extensions.Options;

namespace Grader.Sandbox.Tests.Running;

/// <summary>Builds launchers against the real Grader.Runner built next to this test project.</summary>
internal static class RunnerTestHost
{
    public const string Grader = "cifar10-mlp-vs-cnn";
    public const string AssemblyFile = "solution.dll";

    /// <summary>
    /// With artifacts output every project has its own bin/&lt;Project&gt;/&lt;pivot&gt;/ folder, so the
    /// runner sits at ../../Grader.Runner/&lt;the same pivot&gt;/ from here.
    /// </summary>
    public static string RunnerPath
    {
        get
        {
            var here = new DirectoryInfo(AppContext.BaseDirectory.TrimEnd(Path.DirectorySeparatorChar));
            return Path.Combine(here.Parent!.Parent!.FullName, "Grader.Runner", here.Name, "Grader.Runner.dll");
        }
    }

    public static SandboxOptions Options(string jobRoot) => new()
    {
        RunnerPath = RunnerPath,
        JobRoot = jobRoot,
        LogCapBytes = 4096,
    };

    public static RunnerLauncher Launcher(SandboxOptions options) =>
        new(Microsoft.Extensions.Options.Options.Create(options), NullLogger<RunnerLauncher>.Instance, TimeProvider.System);

    /// <summary>A job small enough to train in a second or two on a 2-core CPU.</summary>
    public static RunJob TinyJob() => new()
    {
        Grader = Grader,
        AssemblyFile = AssemblyFile,
        Seed = 7,
        Dataset = new DatasetSpec { Name = "synthetic" },
        Recipe = new TrainingRecipe
        {
            Optimizer = "adam",
            LearningRate = 1e-3,
            BatchSize = 32,
            Epochs = 1,
            TrainLimit = 64,
            TestLimit = 32,
            TimeLimitSeconds = 30,
        },
        // The host owns the test split; the runner only predicts. Blank images are enough to run.
        TestImages = new TestImages { Count = 32, Pixels = Google.Protobuf.ByteString.CopyFrom(new byte[32 * 3 * 32 * 32]) },
    };

    public static RunnerRequest Request(byte[] assembly, TimeSpan wallClock, RunJob? job = null) =>
        new(assembly, job ?? TinyJob(), wallClock);
}
