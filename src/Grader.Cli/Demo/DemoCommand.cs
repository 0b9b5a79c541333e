using Grader.Data;
using Grader.Data.Content;
using System.CommandLine;
using Google.Protobuf;
using Grader.Cli.Client;
using Grader.Cli.Configuration;
using Grader.Cli.Content;
using Grader.Cli.Serving;
using Grader.Cli.Submitting;
using Grader.Contracts.V1;
using Grader.Core.Access;
using Grader.Server;
using Grader.Server.Hosting;
using Grpc.Core;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Options;
using Spectre.Console;

namespace Grader.Cli.Demo;

/// <summary>
/// <c>grader demo</c>: the whole service in one command. Starts an embedded server on a free loopback port over
/// a fresh data folder, creates a course and a learner key, submits the exercise's reference solution through the
/// gRPC API, watches it, prints the verdict, XP and achievements, and stops.
/// </summary>
public static class DemoCommand
{
    private const string CourseId = "demo";
    private const string LearnerId = "ada";

    public static Command Create()
    {
        var exercise = new Option<string>("--exercise", "-e") { Description = "Exercise whose reference solution is submitted", DefaultValueFactory = _ => "mlp-vs-cnn" };
        var solution = new Option<FileInfo?>("--solution") { Description = "Submit this file instead of the reference solution" };
        var dataDir = new Option<string?>("--data-dir") { Description = "Keep the demo's data here (default: a temporary folder, removed afterwards)" };
        var content = new Option<string?>("--content") { Description = "Content folder (default: the nearest ./content)" };
        var command = new Command("demo", "Start an embedded server, submit the reference solution, watch it graded, show verdict, XP and achievements")
        {
            exercise, solution, dataDir, content,
        };
        command.SetAction(async (parse, cancellationToken) =>
        {
            var temporary = parse.GetValue(dataDir) is null;
            var folder = parse.GetValue(dataDir) ?? Path.Combine(Path.GetTempPath(), $"grader-demo-{Guid.NewGuid():N}");
            var overrides = new Dictionary<string, string?>
            {
                [$"{DataOptions.SectionName}:Directory"] = folder,
                [$"{ServerOptions.SectionName}:Listen"] = "127.0.0.1:0",
                [$"{ServerOptions.SectionName}:Role"] = "all",
            };
            if (parse.GetValue(content) is { } c) overrides[$"{ContentOptions.SectionName}:Root"] = c;
            var configuration = CliHost.BuildConfiguration(overrides);
            var contentRoot = ContentDirectory.Locate(new ContentOptions { Root = configuration[$"{ContentOptions.SectionName}:Root"] ?? "" });
            var exerciseId = parse.GetValue(exercise)!;
            var source = parse.GetValue(solution) ?? new FileInfo(Path.Combine(contentRoot.Root, "exercises", exerciseId, "reference", "Solution.cs"));
            if (!source.Exists) throw new CliException($"no solution to submit at {source.FullName}");
            var console = AnsiConsole.Create(new AnsiConsoleSettings { Out = new AnsiConsoleOutput(Console.Out) });

            try
            {
                await using var app = ServerStart.Create(configuration);
                await ServerStart.StartAsync(app, cancellationToken);
                var address = app.Address();
                console.MarkupLineInterpolated($"[bold]grader demo[/]: embedded server on {address} (API, jobs and dashboard), data in {folder}");

                await app.Services.GetRequiredService<Core.Courses.CourseService>().CreateCourseAsync(Principal.LocalOperator, CourseId, "Demo course", cancellationToken);
                var key = await app.Services.GetRequiredService<KeyService>().CreateAsync(Role.Learner, CourseId, LearnerId, "grader demo", cancellationToken);
                console.MarkupLineInterpolated($"course [bold]courses/{CourseId}[/], learner [bold]{LearnerId}[/] with key {key.Key.Prefix}…");

                using var client = new GraderClient(address, key.Plaintext);
                var created = await client.Submissions.CreateSubmissionAsync(new CreateSubmissionRequest
                {
                    Parent = $"courses/{CourseId}/exercises/{exerciseId}",
                    Submission = new Submission { Sources = { new SourceFile { Path = source.Name, Content = ByteString.CopyFrom(await File.ReadAllBytesAsync(source.FullName, cancellationToken)) } } },
                    RequestId = Guid.NewGuid().ToString(),
                }, cancellationToken: cancellationToken);
                console.MarkupLineInterpolated($"submitted {Markup.Escape(source.Name)} as {created.Submission.Name}");

                var final = await new SubmissionWatcher(console).WatchAsync(client.Submissions, created.Submission.Name, cancellationToken);
                var progress = await client.Progress.GetLearnerProgressAsync(new GetLearnerProgressRequest { Name = $"courses/{CourseId}/learners/-/progress" }, cancellationToken: cancellationToken);
                var catalogue = await client.Progress.ListAchievementsAsync(new ListAchievementsRequest { Parent = $"courses/{CourseId}", PageSize = 200 }, cancellationToken: cancellationToken);
                new VerdictPrinter(console, Console.Out).Print(final, progress.Progress, catalogue.Achievements.ToDictionary(a => a.Name, a => a.Title));
                await app.StopAsync(CancellationToken.None);
                return final.State == SubmissionState.Error ? ExitCodes.PlatformError : ExitCodes.Graded;
            }
            catch (RpcException ex)
            {
                throw RpcErrorPrinter.ToCliException(ex);
            }
            finally
            {
                if (temporary) TryDelete(folder);
            }
        });
        return command;
    }

    private static void TryDelete(string folder)
    {
        try
        {
            if (Directory.Exists(folder)) Directory.Delete(folder, recursive: true);
        }
        catch (IOException)
        {
            // A leftover temporary folder is harmless; the demo's result has been printed.
        }
    }
}
