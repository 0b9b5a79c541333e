using System.CommandLine;
using System.Globalization;
using Grader.Cli.Client;
using Grader.Contracts.V1;
using Grpc.Core;
using Spectre.Console;

namespace Grader.Cli.Submitting;

/// <summary><c>grader progress</c>: XP, level, streak, best grades and the achievements catalogue.</summary>
public static class ProgressCommand
{
    public static Command Create()
    {
        var learner = new Option<string?>("--learner") { Description = "Learner id (default: the key's own learner)" };
        var client = new ClientCommandOptions();
        var command = new Command("progress", "Show a learner's XP, level, streak, grades and achievements") { learner };
        client.AddTo(command);
        command.SetAction(async (parse, cancellationToken) =>
        {
            var options = client.Resolve(parse);
            using var grader = ClientCommandOptions.Connect(options);
            try
            {
                var course = await grader.ResolveCourseAsync(options.Course, cancellationToken);
                var name = $"{course}/learners/{parse.GetValue(learner) ?? "-"}/progress";
                var progress = (await grader.Progress.GetLearnerProgressAsync(new GetLearnerProgressRequest { Name = name }, cancellationToken: cancellationToken)).Progress;
                var catalogue = await grader.Progress.ListAchievementsAsync(new ListAchievementsRequest { Parent = course, PageSize = 200 }, cancellationToken: cancellationToken);
                Print(AnsiConsole.Create(new AnsiConsoleSettings { Out = new AnsiConsoleOutput(Console.Out) }), progress, catalogue.Achievements);
                return ExitCodes.Graded;
            }
            catch (RpcException ex)
            {
                throw RpcErrorPrinter.ToCliException(ex);
            }
        });
        return command;
    }

    private static void Print(IAnsiConsole console, LearnerProgress progress, IEnumerable<Achievement> catalogue)
    {
        console.MarkupLineInterpolated(CultureInfo.InvariantCulture, $"[bold]{progress.Name}[/]: level {progress.Level} [bold]{progress.LevelTitle}[/], {progress.Xp} XP, streak {progress.StreakDays} day(s)");
        if (progress.XpForNextLevel > 0)
        {
            console.Write(new BreakdownChart().Width(60)
                .AddItem("into this level", progress.XpIntoLevel, Color.Green)
                .AddItem("to the next", Math.Max(0, progress.XpForNextLevel - progress.XpIntoLevel), Color.Grey));
        }
        foreach (var grade in progress.Grades)
            console.MarkupLineInterpolated(CultureInfo.InvariantCulture, $"  {grade.Exercise}: best {grade.BestScore:0}/{grade.MaxScore:0}{(grade.Passed ? " [green]passed[/]" : "")}");

        var table = new Table().Border(TableBorder.Rounded).AddColumn("Achievement").AddColumn("What earns it").AddColumn("Unlocked");
        foreach (var a in catalogue)
        {
            table.AddRow(
                new Markup(a.Unlocked ? $"[bold yellow]{Markup.Escape(a.Title)}[/]" : Markup.Escape(a.Title)),
                new Text(a.Description),
                new Text(a.UnlockTime is { } at ? at.ToDateTimeOffset().ToString("yyyy-MM-dd HH:mm", CultureInfo.InvariantCulture) : ""));
        }
        console.Write(table);
    }
}
