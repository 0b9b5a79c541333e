using Grader.Contracts.V1;
using Grader.Core.Submissions;
using Grader.Server.Tests.Hosting;
using Hangfire;
using Microsoft.Extensions.DependencyInjection;
using SubmissionState = Grader.Contracts.V1.SubmissionState;

namespace Grader.Server.Tests.Submissions;

/// <summary>Submissions graded for real: the job runs the compiler and the sandboxed runner on the tiny profile.</summary>
public sealed class GradingTests(GradingServerFixture server) : IClassFixture<GradingServerFixture>
{
    [Fact]
    public async Task CreateSubmission_ReferenceSolution_WatchSeesEveryStateThenSucceedsWithCriteriaAndXp()
    {
        var (_, client) = await server.NewLearnerAsync();

        var created = await client.SubmitAsync("tiny", Calls.Source(TestPaths.Reference));
        var messages = await client.WatchAsync(created.Submission.Name);

        Assert.False(created.Reused);
        Assert.Equal(SubmissionState.Queued, created.Submission.State);
        Assert.Null(messages[0].Event);
        var states = messages.Skip(1).Select(m => m.Event.State).Where((state, i) => i == 0 || messages[i].Event?.State != state).ToList();
        Assert.Equal([SubmissionState.Queued, SubmissionState.Compiling, SubmissionState.Training, SubmissionState.Evaluating, SubmissionState.Succeeded], states);
        var epochs = messages.Where(m => m.Event?.Progress is { Epochs: > 0 }).Select(m => m.Event.Progress).ToList();
        Assert.Equal(4, epochs.Count);
        Assert.Equal(1.0, epochs[^1].Fraction, 3);
        Assert.Equal(epochs[^1], messages[^1].Submission.Progress);
        Assert.Equal(messages.Skip(1).Select(m => m.Event.Sequence), messages.Skip(1).Select(m => m.Event.Sequence).Order());

        var final = messages[^1].Submission;
        Assert.Equal(SubmissionState.Succeeded, final.State);
        Assert.Equal(GradingState.Succeeded, final.Result.State);
        Assert.Equal(5, final.Result.Criteria.Count);
        Assert.All(final.Result.Criteria, c => Assert.True(c.Passed, c.Id));
        Assert.Equal(final.Result.MaxScore, final.Result.Score);
        Assert.True(final.XpAwarded > 0);
        Assert.Equal(final.XpAwarded, (await client.ProgressAsync()).Xp);
    }

    [Fact]
    public async Task CreateSubmission_UnbalancedParameters_FailsNamingTheParityCriterion()
    {
        var (_, client) = await server.NewLearnerAsync();

        var final = await client.GradeAsync("tiny", Calls.Source(TestPaths.Sample("unbalanced-parameters")));

        Assert.Equal(SubmissionState.Failed, final.State);
        Assert.Equal("criteria_failed", final.Result.Reason);
        Assert.Equal(["parameter-parity"], final.Result.Criteria.Where(c => !c.Passed).Select(c => c.Id));
    }

    [Fact]
    public async Task CreateSubmission_CompileError_FailsWithDiagnostics()
    {
        var (_, client) = await server.NewLearnerAsync();

        var final = await client.GradeAsync("tiny", Calls.Source(TestPaths.Sample("compile-error")));

        Assert.Equal(SubmissionState.Failed, final.State);
        Assert.Equal("compile_error", final.Result.Reason);
        Assert.Contains(final.Result.Diagnostics, d => d.Severity == "error" && d.Id.StartsWith("CS", StringComparison.Ordinal) && d.Line > 0);
        Assert.Empty(final.Result.Criteria);
        Assert.Equal(0, final.XpAwarded);
    }

    [Fact]
    public async Task CreateSubmission_SameSourceAfterGrading_ReturnsTheGradedSubmissionAndPaysXpOnce()
    {
        var (_, client) = await server.NewLearnerAsync();
        var first = await client.GradeAsync("tiny", Calls.Source(TestPaths.Reference));

        var again = await client.SubmitAsync("tiny", Calls.Source(TestPaths.Reference));

        Assert.True(again.Reused);
        Assert.Equal(first.Name, again.Submission.Name);
        Assert.Equal(SubmissionState.Succeeded, again.Submission.State);
        Assert.Equal(first.XpAwarded, (await client.ProgressAsync()).Xp);
        var listed = await client.Submissions.ListSubmissionsAsync(new ListSubmissionsRequest { Parent = "courses/intro/exercises/-" });
        Assert.Single(listed.Submissions);
    }

    [Fact]
    public async Task GradeSubmissionJob_RetriedAfterItFinished_LeavesResultAndXpAsTheyWere()
    {
        var (_, client) = await server.NewLearnerAsync();
        var first = await client.GradeAsync("tiny", Calls.Source(TestPaths.Reference));
        var submissionId = first.Name[(first.Name.LastIndexOf('/') + 1)..];

        var jobId = await server.App.Services.GetRequiredService<ISubmissionQueue>().EnqueueAsync(submissionId, CancellationToken.None);
        await WaitForJobAsync(jobId);

        var after = (await client.Submissions.GetSubmissionAsync(new GetSubmissionRequest { Name = first.Name })).Submission;
        Assert.Equal(SubmissionState.Succeeded, after.State);
        Assert.Equal(first.XpAwarded, after.XpAwarded);
        Assert.Equal(first.UpdateTime, after.UpdateTime);
        Assert.Equal(first.XpAwarded, (await client.ProgressAsync()).Xp);
    }

    [Fact]
    public async Task Achievements_SecondPassWithAnotherSource_UnlockNothingTwiceAndPayNoXp()
    {
        var (_, client) = await server.NewLearnerAsync();
        var first = await client.GradeAsync("tiny", Calls.Source(TestPaths.Reference));

        var second = await client.GradeAsync("tiny", Calls.Variant(TestPaths.Reference, "the same models, a different file"));

        Assert.Equal(SubmissionState.Succeeded, second.State);
        Assert.Contains("courses/intro/achievements/first-steps", first.UnlockedAchievements);
        Assert.Contains("courses/intro/achievements/it-works", first.UnlockedAchievements);
        Assert.Empty(second.UnlockedAchievements.Intersect(first.UnlockedAchievements));
        Assert.Equal(0, second.XpAwarded);
        var progress = await client.ProgressAsync();
        Assert.Equal(first.XpAwarded, progress.Xp);
        var unlocked = progress.Achievements.Select(a => a.Achievement).ToList();
        Assert.Equal(unlocked.Distinct(), unlocked);
        Assert.Equal(first.UnlockedAchievements.Concat(second.UnlockedAchievements).Order(), unlocked.Order());
    }

    private async Task WaitForJobAsync(string jobId)
    {
        var storage = server.App.Services.GetRequiredService<JobStorage>();
        using var bound = new CancellationTokenSource(Calls.Bound);
        while (true)
        {
            using (var connection = storage.GetConnection())
            {
                if (connection.GetStateData(jobId)?.Name is "Succeeded" or "Failed" or "Deleted") return;
            }
            await Task.Delay(TimeSpan.FromMilliseconds(200), bound.Token);
        }
    }
}
