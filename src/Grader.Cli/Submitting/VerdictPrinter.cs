using System.Globalization;
using Grader.Cli.Grading;
using Grader.Contracts.V1;
using Spectre.Console;

namespace Grader.Cli.Submitting;

/// <summary>The end of <c>submit --watch</c> and <c>demo</c>: the verdict table, then XP, level and achievements.</summary>
public sealed class VerdictPrinter(IAnsiConsole console, TextWriter output)
{
    public void Print(Submission submission, LearnerProgress? progress, IReadOnlyDictionary<string, string> achievementTitles)
    {
        ArgumentNullException.ThrowIfNull(submission);
        ArgumentNullException.ThrowIfNull(achievementTitles);
        if (submission.Result is { } result)
            new ResultPrinter(output).Result(result);
        else
            console.MarkupLineInterpolated($"[yellow]{SubmissionWatcher.StateName(submission.State)}[/] without a verdict");

        console.MarkupLineInterpolated(CultureInfo.InvariantCulture, $"[bold]XP gained:[/] +{submission.XpAwarded}");
        foreach (var name in submission.UnlockedAchievements)
        {
            var title = achievementTitles.TryGetValue(name, out var t) ? t : name[(name.LastIndexOf('/') + 1)..];
            console.MarkupLineInterpolated($"[bold yellow]Achievement unlocked:[/] {title}");
        }
        if (progress is not null)
        {
            var next = progress.XpForNextLevel > 0 ? $", {progress.XpIntoLevel}/{progress.XpForNextLevel} XP to level {progress.Level + 1}" : " (top level)";
            console.MarkupLineInterpolated(CultureInfo.InvariantCulture, $"[bold]Level {progress.Level} {progress.LevelTitle}[/] · {progress.Xp} XP in total{next}");
        }
    }
}
