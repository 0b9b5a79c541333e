using Grader.Data;
using Grader.Data.Content;
using System.CommandLine;
using Google.Protobuf;
using Grader.Cli.Configuration;
using Grader.Cli.Content;
using Grader.Contracts.V1;
using Grader.Core.Exercises;
using Grader.Sandbox.Compilation;
using Grader.Sandbox.Grading;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Options;
using SourceFile = Grader.Sandbox.Compilation.SourceFile;

namespace Grader.Cli.Grading;

/// <summary><c>grader grade &lt;file.cs&gt;... --exercise &lt;id&gt;</c>: grades locally, in the sandbox, and prints the verdict.</summary>
public static class GradeCommand
{
    public static Command Create()
    {
        var files = new Argument<FileInfo[]>("files") { Description = "The learner's C# source files", Arity = ArgumentArity.OneOrMore };
        var exercise = new Option<string>("--exercise", "-e") { Description = "Exercise id, e.g. mlp-vs-cnn", Required = true };
        var profile = new Option<string>("--profile") { Description = "Recipe profile: quick (CPU, minutes) or full (GPU, real data)", DefaultValueFactory = _ => "quick" };
        var dataset = new Option<string?>("--dataset") { Description = "synthetic or cifar10 (default: the profile's)" };
        dataset.AcceptOnlyFromAmong(ExerciseDatasets.Synthetic, ExerciseDatasets.Cifar10);
        var seed = new Option<ulong>("--seed") { Description = "Seed for data, initialisation and shuffling", DefaultValueFactory = _ => 1 };
        var json = new Option<bool>("--json") { Description = "Print the result as proto3 JSON instead of a table" };
        var content = new Option<string?>("--content") { Description = "Content folder (default: the nearest ./content)" };
        var dataDir = new Option<string?>("--data-dir") { Description = "Data folder holding downloaded datasets (default: Data:Directory)" };

        var command = new Command("grade", "Grade a solution locally: compile, train in the sandbox, judge with the rubric")
        {
            files, exercise, profile, dataset, seed, json, content, dataDir,
        };
        command.SetAction(async (parse, cancellationToken) =>
        {
            var overrides = new Dictionary<string, string?>();
            if (parse.GetValue(content) is { } contentRoot) overrides[$"{ContentOptions.SectionName}:Root"] = contentRoot;
            if (parse.GetValue(dataDir) is { } dataRoot) overrides[$"{DataOptions.SectionName}:Directory"] = dataRoot;
            using var services = CliHost.Build(overrides);
            var request = BuildRequest(
                services,
                parse.GetValue(files)!,
                parse.GetValue(exercise)!,
                parse.GetValue(profile)!,
                parse.GetValue(dataset),
                parse.GetValue(seed));
            var asJson = parse.GetValue(json);
            var printer = new ResultPrinter(Console.Out);
            var progress = asJson ? null : new SynchronousProgress(printer.Progress);
            if (!asJson) printer.Header(request);

            var result = await services.GetRequiredService<SubmissionGrader>().GradeAsync(request, progress, cancellationToken);
            if (asJson)
                Console.Out.WriteLine(new JsonFormatter(JsonFormatter.Settings.Default.WithFormatDefaultValues(true)).Format(result));
            else
                printer.Result(result);
            return result.State == GradingState.Error ? ExitCodes.PlatformError : ExitCodes.Graded;
        });
        return command;
    }

    private static GradeRequest BuildRequest(IServiceProvider services, FileInfo[] files, string exerciseId, string profileName, string? datasetName, ulong seed)
    {
        var catalog = ContentDirectory.Locate(services.GetRequiredService<IOptions<ContentOptions>>().Value).LoadExercises();
        if (!catalog.TryGet(exerciseId, out var exercise))
            throw new CliException($"unknown exercise '{exerciseId}'; known: {string.Join(", ", catalog.Exercises.Select(e => e.Id))}");
        if (!exercise.Profiles.TryGetValue(profileName, out var profile))
            throw new CliException($"exercise '{exerciseId}' has no profile '{profileName}'; known: {string.Join(", ", exercise.Profiles.Keys)}");
        var dataset = datasetName ?? profile.Dataset;
        if (!exercise.SupportsDataset(dataset))
            throw new CliException($"exercise '{exerciseId}' has no thresholds for dataset '{dataset}'");

        string? datasetDirectory = null;
        if (dataset == ExerciseDatasets.Cifar10)
        {
            datasetDirectory = services.GetRequiredService<IOptions<DataOptions>>().Value.DatasetDirectory(dataset);
            if (!Directory.Exists(datasetDirectory))
                throw new CliException($"CIFAR-10 is not downloaded to {datasetDirectory}; run `grader datasets fetch cifar10` first", ExitCodes.PlatformError);
        }
        return new GradeRequest(exercise, profile.Name, dataset, files.Select(ReadSource).ToList(), seed, datasetDirectory);
    }

    /// <summary>Reads bytes, not text: the compiler decides what is valid UTF-8 and says so as a diagnostic.</summary>
    private static SourceFile ReadSource(FileInfo file)
    {
        if (!file.Exists) throw new CliException($"no such file: {file.FullName}");
        if (file.Length > 16 * 1024 * 1024) throw new CliException($"{file.Name} is {file.Length} bytes; that is not a source file");
        return SourceFile.FromUtf8(file.Name, File.ReadAllBytes(file.FullName));
    }

    /// <summary>Reports on the caller's thread of the event, in order (Progress&lt;T&gt; would post to the thread pool).</summary>
    private sealed class SynchronousProgress(Action<Contracts.Runner.V1.RunnerEvent> report) : IProgress<Contracts.Runner.V1.RunnerEvent>
    {
        public void Report(Contracts.Runner.V1.RunnerEvent value) => report(value);
    }
}
