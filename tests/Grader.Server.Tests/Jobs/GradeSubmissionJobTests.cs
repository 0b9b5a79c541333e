using Grader.Core.Submissions;
using Grader.Server.Jobs;
using Grader.Server.Tests.Hosting;

namespace Grader.Server.Tests.Jobs;

public sealed class GradeSubmissionJobTests
{
    [Fact]
    public async Task RunAsync_ReferenceSolution_PersistsEveryStateAndSucceedsWithXp()
    {
        await using var harness = await JobHarness.CreateAsync();
        var learner = await harness.LearnerAsync("ada");
        var submission = await harness.SubmitAsync(learner, "tiny", TestPaths.Reference);

        var enqueued = harness.Storage.GetMonitoringApi().EnqueuedCount(GradeSubmissionJob.Queue);
        await harness.Job.RunAsync(submission.Id, CancellationToken.None);
        var graded = await harness.Submissions.GetAsync(learner, submission.Id, CancellationToken.None);
        var events = await harness.Submissions.EventsAfterAsync(learner, submission.Id, 0, CancellationToken.None);

        Assert.Equal(1, enqueued);
        Assert.Equal(SubmissionState.Succeeded, graded.State);
        Assert.Equal(
            [SubmissionState.Queued, SubmissionState.Compiling, SubmissionState.Training, SubmissionState.Evaluating, SubmissionState.Succeeded],
            events.Where(e => e.Kind == SubmissionEventKind.StateChanged).Select(e => e.State));
        Assert.Contains(events, e => e.Kind == SubmissionEventKind.Progress && e.Epoch is { Model: "cnn" });
        Assert.Equal(graded.Result!.MaxScore, graded.Result.Score);
        Assert.True(graded.Result.Measurements.ContainsKey("cnn.parameters"));
        Assert.Equal(120, graded.XpAwarded);
        Assert.Contains("first-try", graded.UnlockedAchievements);
    }

    [Fact]
    public async Task RunAsync_RetriedAfterItFinished_ChangesNothing()
    {
        await using var harness = await JobHarness.CreateAsync();
        var learner = await harness.LearnerAsync("ada");
        var submission = await harness.SubmitAsync(learner, "tiny", TestPaths.Reference);
        await harness.Job.RunAsync(submission.Id, CancellationToken.None);
        var first = await harness.Submissions.GetAsync(learner, submission.Id, CancellationToken.None);

        await harness.Job.RunAsync(submission.Id, CancellationToken.None);
        var second = await harness.Submissions.GetAsync(learner, submission.Id, CancellationToken.None);

        Assert.Equal((first.LastEventSequence, first.Attempts, first.XpAwarded, first.FinishedAt), (second.LastEventSequence, second.Attempts, second.XpAwarded, second.FinishedAt));
    }

    [Fact]
    public async Task RunAsync_CompileError_FailsWithDiagnosticsAndNoError()
    {
        await using var harness = await JobHarness.CreateAsync();
        var learner = await harness.LearnerAsync("ada");
        var submission = await harness.SubmitAsync(learner, "tiny", TestPaths.Sample("compile-error"));

        await harness.Job.RunAsync(submission.Id, CancellationToken.None);
        var graded = await harness.Submissions.GetAsync(learner, submission.Id, CancellationToken.None);

        Assert.Equal(SubmissionState.Failed, graded.State);
        Assert.Equal("compile_error", graded.Result!.Reason);
        Assert.Contains(graded.Result.Diagnostics, d => d.Severity == "error");
        Assert.Equal(0, graded.XpAwarded);
        Assert.Contains("first-steps", graded.UnlockedAchievements);
    }

    [Fact]
    public async Task RunAsync_CancelledWhileTraining_StopsTheSandboxAndEndsCancelled()
    {
        await using var harness = await JobHarness.CreateAsync();
        var learner = await harness.LearnerAsync("ada");
        var submission = await harness.SubmitAsync(learner, "slow", TestPaths.Reference);

        var running = harness.Job.RunAsync(submission.Id, CancellationToken.None);
        await foreach (var item in harness.Submissions.WatchAsync(learner, submission.Id, 0, CancellationToken.None))
        {
            if (item.State == SubmissionState.Training)
            {
                await harness.Submissions.CancelAsync(learner, submission.Id, CancellationToken.None);
                break;
            }
        }

        await running.WaitAsync(TimeSpan.FromMinutes(2));
        var cancelled = await harness.Submissions.GetAsync(learner, submission.Id, CancellationToken.None);

        Assert.Equal(SubmissionState.Cancelled, cancelled.State);
        Assert.Null(cancelled.Result);
        Assert.Equal(0, cancelled.XpAwarded);
    }
}
