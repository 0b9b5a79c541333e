using System.CommandLine;
using Google.Protobuf;
using Grader.Cli.Client;
using Grader.Contracts.V1;
using Grpc.Core;
using Spectre.Console;

namespace Grader.Cli.Submitting;

/// <summary><c>grader submit &lt;files&gt; --exercise &lt;id&gt; [--watch]</c>: submits to a server and optionally follows the grading.</summary>
public static class SubmitCommand
{
    /// <summary>Larger files are refused here already; the server's own cap (Submissions:MaxSourceBytes) is far lower.</summary>
    private const long LocalReadCap = 16 * 1024 * 1024;

    public static Command Create()
    {
        var files = new Argument<FileInfo[]>("files") { Description = "The C# source files", Arity = ArgumentArity.OneOrMore };
        var exercise = new Option<string>("--exercise", "-e") { Description = "Exercise id, e.g. mlp-vs-cnn", Required = true };
        var watch = new Option<bool>("--watch", "-w") { Description = "Follow the grading live, then print the verdict and XP" };
        var profile = new Option<string?>("--profile") { Description = "Profile (default: the server's, quick)" };
        var learner = new Option<string?>("--learner") { Description = "Learner id (lms, instructor and admin keys submit for a learner)" };
        var requestId = new Option<string?>("--request-id") { Description = "Idempotency key; repeat it to retry safely (default: a new one)" };
        var client = new ClientCommandOptions();
        var command = new Command("submit", "Submit a solution to a grader server") { files, exercise, watch, profile, learner, requestId };
        client.AddTo(command);
        command.SetAction(async (parse, cancellationToken) =>
        {
            var options = client.Resolve(parse);
            using var grader = ClientCommandOptions.Connect(options);
            try
            {
                var course = await grader.ResolveCourseAsync(options.Course, cancellationToken);
                var submission = new Submission { Profile = parse.GetValue(profile) ?? "" };
                if (parse.GetValue(learner) is { } learnerId) submission.Learner = $"{course}/learners/{learnerId}";
                submission.Sources.AddRange(parse.GetValue(files)!.Select(ReadSource));
                var created = await grader.Submissions.CreateSubmissionAsync(new CreateSubmissionRequest
                {
                    Parent = $"{course}/exercises/{parse.GetValue(exercise)}",
                    Submission = submission,
                    RequestId = parse.GetValue(requestId) ?? Guid.NewGuid().ToString(),
                }, cancellationToken: cancellationToken);

                var console = AnsiConsole.Create(new AnsiConsoleSettings { Out = new AnsiConsoleOutput(Console.Out) });
                console.MarkupLineInterpolated($"{created.Submission.Name} [grey]({(created.Reused ? "identical to an earlier submission: not graded again" : "queued")})[/]");
                if (!parse.GetValue(watch)) return ExitCodes.Graded;

                var final = await new SubmissionWatcher(console).WatchAsync(grader.Submissions, created.Submission.Name, cancellationToken);
                var learnerName = final.Learner;
                var progress = await grader.Progress.GetLearnerProgressAsync(new GetLearnerProgressRequest { Name = $"{learnerName}/progress" }, cancellationToken: cancellationToken);
                var catalogue = await grader.Progress.ListAchievementsAsync(new ListAchievementsRequest { Parent = course, PageSize = 200 }, cancellationToken: cancellationToken);
                new VerdictPrinter(console, Console.Out).Print(final, progress.Progress, catalogue.Achievements.ToDictionary(a => a.Name, a => a.Title));
                return final.State == SubmissionState.Error ? ExitCodes.PlatformError : ExitCodes.Graded;
            }
            catch (RpcException ex)
            {
                throw RpcErrorPrinter.ToCliException(ex);
            }
        });
        return command;
    }

    private static SourceFile ReadSource(FileInfo file)
    {
        if (!file.Exists) throw new CliException($"no such file: {file.FullName}");
        if (file.Length > LocalReadCap) throw new CliException($"{file.Name} is {file.Length} bytes; that is not a source file");
        return new SourceFile { Path = file.Name, Content = ByteString.CopyFrom(File.ReadAllBytes(file.FullName)) };
    }
}
