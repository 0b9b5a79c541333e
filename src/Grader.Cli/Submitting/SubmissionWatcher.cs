using System.Globalization;
using Grader.Contracts.V1;
using Grpc.Core;
using Spectre.Console;

namespace Grader.Cli.Submitting;

/// <summary>Follows WatchSubmission with a live progress bar and a line per state change; returns the final submission.</summary>
public sealed class SubmissionWatcher(IAnsiConsole console)
{
    public async Task<Submission> WatchAsync(SubmissionService.SubmissionServiceClient client, string name, CancellationToken cancellationToken)
    {
        ArgumentNullException.ThrowIfNull(client);
        using var call = client.WatchSubmission(new WatchSubmissionRequest { Name = name }, cancellationToken: cancellationToken);
        Submission? last = null;
        await console.Progress()
            .AutoClear(false)
            .Columns(new TaskDescriptionColumn { Alignment = Justify.Left }, new ProgressBarColumn(), new PercentageColumn(), new ElapsedTimeColumn())
            .StartAsync(async context =>
            {
                var task = context.AddTask("waiting for the server", maxValue: 1.0);
                await foreach (var message in call.ResponseStream.ReadAllAsync(cancellationToken))
                {
                    last = message.Submission;
                    if (message.Event is { Progress: null } change)
                        console.MarkupLineInterpolated(CultureInfo.InvariantCulture, $"[grey]{change.CreateTime.ToDateTimeOffset():HH:mm:ss}[/] {StateName(change.State)} [grey]{change.Message}[/]");
                    task.Description = Describe(last);
                    task.Value = Fraction(last);
                }
                task.StopTask();
            });
        return last ?? throw new CliException("the server closed the watch without a snapshot", ExitCodes.PlatformError);
    }

    public static string StateName(SubmissionState state) => state.ToString().ToUpperInvariant();

    public static bool IsTerminal(SubmissionState state) => state is SubmissionState.Succeeded or SubmissionState.Failed or SubmissionState.Error or SubmissionState.Cancelled;

    private static string Describe(Submission submission)
    {
        var state = StateName(submission.State);
        var p = submission.Progress;
        return submission.State == SubmissionState.Training && p is { Epochs: > 0 }
            ? Markup.Escape(string.Create(CultureInfo.InvariantCulture, $"{state} {p.Model.ToUpperInvariant()} epoch {p.Epoch}/{p.Epochs} · test {p.TestAccuracy:P1}"))
            : state;
    }

    /// <summary>One bar for the whole grading: training dominates it, compile and rubric are slivers.</summary>
    private static double Fraction(Submission submission) => submission.State switch
    {
        SubmissionState.Queued => 0,
        SubmissionState.Compiling => 0.02,
        SubmissionState.Training => 0.05 + (0.9 * Math.Clamp(submission.Progress?.Fraction ?? 0, 0, 1)),
        SubmissionState.Evaluating => 0.97,
        _ => 1,
    };
}
