using Grader.Core.Submissions;
using Grader.Data.Database;
using Grader.Data.Tests.Infrastructure;

namespace Grader.Data.Tests.Submissions;

public sealed class SubmissionProcessorTests
{
    private const string Code = "public sealed class Solution { }";

    [SkippableTheory]
    [MemberData(nameof(Providers.All), MemberType = typeof(Providers))]
    public async Task ProcessAsync_PassingSubmission_PersistsEveryStateResultAndAwards(DatabaseProvider provider)
    {
        await using var platform = await Platform.CreateAsync(provider);
        var ada = await platform.LearnerAsync("ada");
        var created = await platform.SubmitAsync(ada, Code);

        var processed = await platform.Processor.ProcessAsync(created.Submission.Id, CancellationToken.None);
        var events = await platform.Submissions.EventsAfterAsync(ada, created.Submission.Id, 0, CancellationToken.None);
        var submission = processed.Submission!;

        Assert.Equal(ProcessOutcome.Graded, processed.Outcome);
        Assert.Equal(
            [SubmissionState.Queued, SubmissionState.Compiling, SubmissionState.Training, SubmissionState.Training, SubmissionState.Evaluating, SubmissionState.Succeeded],
            events.Select(e => e.State));
        Assert.Equal(Enumerable.Range(1, 6).Select(i => (long)i), events.Select(e => e.Sequence));
        Assert.Equal("mlp", events[3].Epoch!.Model);
        Assert.Equal(6, submission.LastEventSequence);
        Assert.Equal(1, submission.Attempts);
        Assert.Equal(120, submission.XpAwarded);
        Assert.Equal(100_000 * 1.2, submission.Result!.Measurements["cnn.parameters"], 6);
        Assert.Equal("accuracy-gap", Assert.Single(submission.Result.Criteria).Id);
        Assert.Equal([0.3, 0.4 + 0.2], Assert.Single(submission.Result.Curves).Values);
        Assert.Contains("first-steps", submission.UnlockedAchievements);
        Assert.Contains("first-try", submission.UnlockedAchievements);
        Assert.Contains("flawless", submission.UnlockedAchievements);
    }

    [SkippableTheory]
    [MemberData(nameof(Providers.All), MemberType = typeof(Providers))]
    public async Task ProcessAsync_JobRunTwice_GradesOnceAndPaysOnce(DatabaseProvider provider)
    {
        await using var platform = await Platform.CreateAsync(provider);
        var ada = await platform.LearnerAsync("ada");
        var created = await platform.SubmitAsync(ada, Code);

        await platform.Processor.ProcessAsync(created.Submission.Id, CancellationToken.None);
        var second = await platform.Processor.ProcessAsync(created.Submission.Id, CancellationToken.None);
        var progress = await platform.Progress.GetAsync(ada, Platform.Course, "", CancellationToken.None);

        Assert.Equal(ProcessOutcome.AlreadyFinished, second.Outcome);
        Assert.Equal(1, platform.Engine.Calls);
        Assert.Equal(120, progress.Xp);
    }

    [SkippableTheory]
    [MemberData(nameof(Providers.All), MemberType = typeof(Providers))]
    public async Task ProcessAsync_FoundMidTraining_RestartsFromScratchAndCompletesOnce(DatabaseProvider provider)
    {
        await using var platform = await Platform.CreateAsync(provider);
        var ada = await platform.LearnerAsync("ada");
        var id = (await platform.SubmitAsync(ada, Code)).Submission.Id;
        // What a worker killed mid-training leaves behind: attempt 1 started, state TRAINING.
        await platform.SubmissionStore.TransitionAsync(id, [SubmissionState.Queued], SubmissionState.Compiling, "compiling", platform.Time.GetUtcNow(), true, CancellationToken.None);
        await platform.SubmissionStore.TransitionAsync(id, [SubmissionState.Compiling], SubmissionState.Training, "training", platform.Time.GetUtcNow(), false, CancellationToken.None);

        var processed = await platform.Processor.ProcessAsync(id, CancellationToken.None);
        var events = await platform.Submissions.EventsAfterAsync(ada, id, 0, CancellationToken.None);

        Assert.Equal(ProcessOutcome.Graded, processed.Outcome);
        Assert.Equal(2, processed.Submission!.Attempts);
        Assert.Contains("interrupted while TRAINING", events[3].Message, StringComparison.Ordinal);
        Assert.Single(events, e => e.State == SubmissionState.Succeeded);
        Assert.Equal(120, processed.Submission.XpAwarded);
    }

    [SkippableTheory]
    [MemberData(nameof(Providers.All), MemberType = typeof(Providers))]
    public async Task CompleteAsync_TwoCompletionsAtOnce_OnlyOneApplies(DatabaseProvider provider)
    {
        await using var platform = await Platform.CreateAsync(provider);
        var ada = await platform.LearnerAsync("ada");
        var created = await platform.SubmitAsync(ada, Code);
        var id = created.Submission.Id;
        await platform.SubmissionStore.TransitionAsync(id, [SubmissionState.Queued], SubmissionState.Compiling, "compiling", platform.Time.GetUtcNow(), true, CancellationToken.None);
        var result = Results.Pass(new GradingJob(created.Submission, Platform.Content.Exercises.Get("mlp-vs-cnn"), []));
        var decisions = 0;
        AwardDecision Decide(AwardContext context)
        {
            Interlocked.Increment(ref decisions);
            return new AwardDecision(null, [new Grader.Core.Progress.XpAward($"improvement:x:{id}", 50, "test")], []);
        }

        var outcomes = await Task.WhenAll(
            platform.SubmissionStore.CompleteAsync(id, result, Decide, platform.Time.GetUtcNow(), CancellationToken.None),
            platform.SubmissionStore.CompleteAsync(id, result, Decide, platform.Time.GetUtcNow(), CancellationToken.None));

        Assert.Single(outcomes, o => o is not null);
        Assert.Equal(1, decisions);
        Assert.Equal(50, (await platform.Submissions.GetAsync(ada, id, CancellationToken.None)).XpAwarded);
    }

    [SkippableTheory]
    [MemberData(nameof(Providers.All), MemberType = typeof(Providers))]
    public async Task ProcessAsync_EngineFault_StoresErrorWithoutAwardsOrQuotaCost(DatabaseProvider provider)
    {
        await using var platform = await Platform.CreateAsync(provider);
        var ada = await platform.LearnerAsync("ada");
        var created = await platform.SubmitAsync(ada, Code);
        platform.Engine.Next = _ => throw new IOException("bwrap: cannot create namespace");

        var processed = await platform.Processor.ProcessAsync(created.Submission.Id, CancellationToken.None);
        var resubmitted = await platform.SubmitAsync(ada, Code);

        Assert.Equal(ProcessOutcome.PlatformError, processed.Outcome);
        Assert.Equal(SubmissionState.Error, processed.Submission!.State);
        Assert.Equal("platform_error", processed.Submission.Result!.Reason);
        Assert.Contains("bwrap", processed.Submission.Result.Summary, StringComparison.Ordinal);
        Assert.Equal(0, processed.Submission.XpAwarded);
        Assert.IsType<IOException>(processed.Fault);
        Assert.False(resubmitted.Reused);
    }

    [SkippableTheory]
    [MemberData(nameof(Providers.All), MemberType = typeof(Providers))]
    public async Task ProcessAsync_CancelledWhileTraining_StopsGradingAndStaysCancelled(DatabaseProvider provider)
    {
        await using var platform = await Platform.CreateAsync(provider);
        var ada = await platform.LearnerAsync("ada");
        var created = await platform.SubmitAsync(ada, Code);
        platform.Engine.Gate = new TaskCompletionSource(TaskCreationOptions.RunContinuationsAsynchronously);

        var processing = platform.Processor.ProcessAsync(created.Submission.Id, CancellationToken.None);
        await platform.Engine.TrainingStarted.Task.WaitAsync(TimeSpan.FromMinutes(1));
        await platform.Submissions.CancelAsync(ada, created.Submission.Id, CancellationToken.None);
        var processed = await processing.WaitAsync(TimeSpan.FromMinutes(1));

        Assert.Equal(ProcessOutcome.Cancelled, processed.Outcome);
        Assert.Equal(SubmissionState.Cancelled, processed.Submission!.State);
        Assert.Null(processed.Submission.Result);
        Assert.Equal(0, processed.Submission.XpAwarded);
    }

    [SkippableTheory]
    [MemberData(nameof(Providers.All), MemberType = typeof(Providers))]
    public async Task ProcessAsync_HostShuttingDown_LeavesSubmissionForTheNextAttempt(DatabaseProvider provider)
    {
        await using var platform = await Platform.CreateAsync(provider);
        var ada = await platform.LearnerAsync("ada");
        var created = await platform.SubmitAsync(ada, Code);
        platform.Engine.Gate = new TaskCompletionSource(TaskCreationOptions.RunContinuationsAsynchronously);
        using var shutdown = new CancellationTokenSource();

        var processing = platform.Processor.ProcessAsync(created.Submission.Id, shutdown.Token);
        await platform.Engine.TrainingStarted.Task.WaitAsync(TimeSpan.FromMinutes(1));
        await shutdown.CancelAsync();
        await Assert.ThrowsAnyAsync<OperationCanceledException>(() => processing);
        var interrupted = await platform.Submissions.GetAsync(ada, created.Submission.Id, CancellationToken.None);
        platform.Engine.Gate = null;
        var retried = await platform.Processor.ProcessAsync(created.Submission.Id, CancellationToken.None);

        Assert.True(interrupted.State.IsRunning(), $"expected a running state, found {interrupted.State}");
        Assert.Equal(SubmissionState.Succeeded, retried.Submission!.State);
        Assert.Equal(2, retried.Submission.Attempts);
    }

    [SkippableTheory]
    [MemberData(nameof(Providers.All), MemberType = typeof(Providers))]
    public async Task WatchAsync_FromTheSnapshot_StreamsEachChangeAndEndsAtTheTerminalState(DatabaseProvider provider)
    {
        await using var platform = await Platform.CreateAsync(provider);
        var ada = await platform.LearnerAsync("ada");
        var created = await platform.SubmitAsync(ada, Code);
        // Watch polls on its clock: this one needs real time to pass.
        var submissions = new SubmissionService(platform.SubmissionStore, platform.CourseStore, platform.Queue, Platform.Content, platform.Options, TimeProvider.System);
        var snapshot = await submissions.GetAsync(ada, created.Submission.Id, CancellationToken.None);
        platform.Engine.Gate = new TaskCompletionSource(TaskCreationOptions.RunContinuationsAsynchronously);
        var processing = platform.Processor.ProcessAsync(created.Submission.Id, CancellationToken.None);

        var seen = new List<SubmissionEvent>();
        await foreach (var item in submissions.WatchAsync(ada, snapshot.Id, snapshot.LastEventSequence, CancellationToken.None)
            .WithCancellation(new CancellationTokenSource(TimeSpan.FromMinutes(1)).Token))
        {
            seen.Add(item);
            if (item.Kind == SubmissionEventKind.Progress)
            {
                platform.Engine.Gate.TrySetResult();
            }
        }

        await processing;
        Assert.Equal(
            [SubmissionState.Compiling, SubmissionState.Training, SubmissionState.Training, SubmissionState.Evaluating, SubmissionState.Succeeded],
            seen.Select(e => e.State));
    }
}
