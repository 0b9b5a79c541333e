using System.Diagnostics;
using System.Globalization;
using System.Reflection;
using Cifar10.MlpVsCnn;
using Grader.Bench;
using Grader.Cli.Configuration;
using Grader.Contracts.Runner.V1;
using Grader.Sandbox.Compilation;
using Grader.Sandbox.Running;
using Grader.Sdk;
using Grader.Training.Grading;
using Microsoft.Extensions.DependencyInjection;
using TorchSharp.Modules;
using static TorchSharp.torch;

// Figures for the README: `dotnet run -c Release --project bench/Grader.Bench` from the repository root.
// Each figure is printed with what it measures; nothing here asserts.
CultureInfo.CurrentCulture = CultureInfo.InvariantCulture;
var root = FindRoot();
if (args.Contains("--service")) return await Grader.Bench.Service.ServiceBench.RunAsync(root);
var referencePath = Path.Combine(root, "content/exercises/mlp-vs-cnn/reference/Solution.cs");
var reference = SourceFile.FromUtf8("Solution.cs", File.ReadAllBytes(referencePath));
using var services = CliHost.Build();
var compiler = services.GetRequiredService<SubmissionCompiler>();

Console.WriteLine($"machine: {Environment.ProcessorCount} cores, torch threads {get_num_threads()}, {RuntimeInformationText()}");

// 1. Roslyn compile, cold (first in this process: loads references) and warm (median of 20).
var clock = Stopwatch.StartNew();
var compiled = compiler.Compile([reference]);
var cold = clock.Elapsed;
var warm = Enumerable.Range(0, 20).Select(_ => { var c = Stopwatch.StartNew(); compiler.Compile([reference]); return c.Elapsed.TotalMilliseconds; }).Order().ElementAt(10);
Console.WriteLine($"compile: cold {cold.TotalMilliseconds:0} ms, warm {warm:0.0} ms (median of 20)");

// 2. Matrix-multiply throughput of this machine, the yardstick for the CNN.
var matmul = MatmulGflops();
Console.WriteLine($"matmul: {matmul:0.0} GFLOP/s (float32 1024x1024, best of 5)");

// 3. The reference models trained in-process with the quick recipe: images/s and achieved GFLOP/s.
var learner = Assembly.Load(compiled.Assembly!);
var solution = (IMlpVsCnn)Activator.CreateInstance(learner.GetTypes().Single(t => typeof(IMlpVsCnn).IsAssignableFrom(t)))!;
var cnnForward = FlopCounter.ForwardFlopsPerImage((Sequential)solution.BuildCnn());
var job = QuickJob();
clock.Restart();
var inProcess = new MlpVsCnnGrader().Run(learner, job, new Quiet(), CancellationToken.None);
var inProcessSeconds = clock.Elapsed.TotalSeconds;
var cnnImagesPerSecond = inProcess.Measurements["cnn.images_per_second"];
// Training costs about three forward passes (forward, input gradient, weight gradient).
var cnnGflops = cnnImagesPerSecond * 3 * cnnForward / 1e9;
Console.WriteLine($"training: MLP {inProcess.Measurements["mlp.images_per_second"]:0} images/s, CNN {cnnImagesPerSecond:0} images/s");
Console.WriteLine($"CNN compute: {cnnForward / 1e6:0.00} MFLOP forward per image, achieved {cnnGflops:0.00} GFLOP/s = {cnnGflops / matmul:0.000} of matmul");
Console.WriteLine($"in-process grading (both models, quick profile, no compile/sandbox): {inProcessSeconds:0.0} s");

// 4. Sandbox start-up: process start to the runner's Started event, for a tiny job (median of 5).
var launcher = services.GetRequiredService<RunnerLauncher>();
var tiny = QuickJob();
tiny.Recipe.TrainLimit = 64;
tiny.Recipe.TestLimit = 32;
tiny.Recipe.Epochs = 1;
var startups = new List<double>();
for (var i = 0; i < 5; i++)
{
    var outcome = await launcher.RunAsync(new RunnerRequest(compiled.Assembly!, tiny, TimeSpan.FromMinutes(2)), null, CancellationToken.None);
    if (outcome.Kind != RunnerOutcomeKind.Completed) throw new InvalidOperationException($"sandbox run failed: {outcome.Kind} {outcome.Message}\n{outcome.Logs}");
    startups.Add(outcome.TimeToStarted!.Value.TotalMilliseconds);
}
Console.WriteLine($"sandbox start-up: {startups.Order().ElementAt(2):0} ms median to Started (min {startups.Min():0}, max {startups.Max():0})");
SandboxOverhead.Print(services.GetRequiredService<Microsoft.Extensions.Options.IOptions<SandboxOptions>>().Value, rounds: 10);

// 5. Overhead: the whole `grader grade` command against the same training in-process.
clock.Restart();
var grade = Process.Start(new ProcessStartInfo("dotnet", [GraderDll(), "grade", referencePath, "--exercise", "mlp-vs-cnn", "--json"]) { RedirectStandardOutput = true, WorkingDirectory = root })!;
await grade.StandardOutput.ReadToEndAsync();
await grade.WaitForExitAsync();
var gradeSeconds = clock.Elapsed.TotalSeconds;
Console.WriteLine($"grader grade (reference, quick): {gradeSeconds:0.0} s wall, exit {grade.ExitCode}; overhead ratio {gradeSeconds / inProcessSeconds:0.00} (grade ÷ in-process)");
return 0;

static RunJob QuickJob() => new()
{
    Grader = "cifar10-mlp-vs-cnn",
    AssemblyFile = "solution.dll",
    Seed = 1,
    Dataset = new DatasetSpec { Name = "synthetic" },
    Recipe = new Grader.Contracts.Runner.V1.TrainingRecipe { Optimizer = "adam", LearningRate = 0.003, BatchSize = 64, Epochs = 8, TrainLimit = 6000, TestLimit = 2000, TimeLimitSeconds = 600 },
    // The host's half of the trust split: test images without labels (the grader returns predictions for them).
    TestImages = new TestImages { Count = 2000, Pixels = Google.Protobuf.ByteString.CopyFrom(Grader.Datasets.SyntheticImages.Generate(Grader.Datasets.DatasetSplit.Test, 2000, 1).Pixels) },
};

static double MatmulGflops()
{
    using var a = randn(1024, 1024);
    using var b = randn(1024, 1024);
    var best = double.MaxValue;
    for (var round = 0; round < 5; round++)
    {
        var clock = Stopwatch.StartNew();
        for (var i = 0; i < 10; i++) mm(a, b).Dispose();
        best = Math.Min(best, clock.Elapsed.TotalSeconds / 10);
    }
    return 2.0 * 1024 * 1024 * 1024 / best / 1e9;
}

static string RuntimeInformationText() => System.Runtime.InteropServices.RuntimeInformation.FrameworkDescription;

static string FindRoot()
{
    for (var dir = new DirectoryInfo(Directory.GetCurrentDirectory()); dir is not null; dir = dir.Parent)
        if (File.Exists(Path.Combine(dir.FullName, "Grader.sln"))) return dir.FullName;
    throw new DirectoryNotFoundException("run from inside the repository");
}

static string GraderDll()
{
    var here = AppContext.BaseDirectory.TrimEnd(Path.DirectorySeparatorChar);
    return Path.GetFullPath(Path.Combine(here, "..", "..", "Grader.Cli", Path.GetFileName(here), "grader.dll"));
}

internal sealed class Quiet : IRunnerEvents
{
    public void Started(Started started) { }

    public void EpochCompleted(EpochCompleted epoch) { }
}
