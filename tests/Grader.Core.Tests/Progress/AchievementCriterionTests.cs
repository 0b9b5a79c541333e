using Grader.Core.Progress;
using Grader.Core.Submissions;

namespace Grader.Core.Tests.Progress;

public sealed class AchievementCriterionTests
{
    private static readonly DateTimeOffset Created = new(2026, 3, 2, 3, 30, 0, TimeSpan.Zero);

    [Fact]
    public void PersistenceCriterion_PassAfterThreeFailures_IsMetButNotAfterTwo()
    {
        var criterion = new PersistenceCriterion(3);

        Assert.True(criterion.IsMet(Context(SubmissionState.Succeeded, Failed("a"), Failed("b"), Failed("c"))));
        Assert.False(criterion.IsMet(Context(SubmissionState.Succeeded, Failed("a"), Failed("b"))));
        Assert.False(criterion.IsMet(Context(SubmissionState.Failed, Failed("a"), Failed("b"), Failed("c"))));
    }

    [Fact]
    public void PassAfterReasonCriterion_PassAfterCompileError_IsMetOnlyForThatReason()
    {
        Assert.True(new PassAfterReasonCriterion("compile_error").IsMet(Context(SubmissionState.Succeeded, Failed("a", "compile_error"))));
        Assert.False(new PassAfterReasonCriterion("compile_error").IsMet(Context(SubmissionState.Succeeded, Failed("a", "time_limit"))));
    }

    [Fact]
    public void FirstTryCriterion_EarlierAttemptOnAnotherExercise_StillCounts()
    {
        var other = new GradedAttempt("x", "other-exercise", SubmissionState.Failed, "criteria_failed", 0, 100, Created.AddDays(-1));

        Assert.True(new FirstTryCriterion().IsMet(Context(SubmissionState.Succeeded, other)));
        Assert.False(new FirstTryCriterion().IsMet(Context(SubmissionState.Succeeded, Failed("a"))));
    }

    [Fact]
    public void HourOfDayCriterion_SubmittedAtHalfPastThreeUtc_IsMetBetweenZeroAndFive()
    {
        Assert.True(new HourOfDayCriterion(0, 5).IsMet(Context(SubmissionState.Failed)));
        Assert.False(new HourOfDayCriterion(5, 24).IsMet(Context(SubmissionState.Failed)));
    }

    [Fact]
    public void StreakCriterion_ThreeConsecutiveDays_IsMet()
    {
        var context = Context(SubmissionState.Failed) with
        {
            SubmissionDays = [new DateOnly(2026, 2, 28), new DateOnly(2026, 3, 1)],
        };

        Assert.True(new StreakCriterion(3).IsMet(context));
        Assert.False(new StreakCriterion(4).IsMet(context));
    }

    private static GradedAttempt Failed(string id, string reason = "criteria_failed") =>
        new(id, "mlp-vs-cnn", SubmissionState.Failed, reason, 10, 100, Created.AddHours(-1));

    private static AchievementContext Context(SubmissionState state, params GradedAttempt[] prior) => new(
        new Submission("s", "c", "mlp-vs-cnn", 1, "ada", SubmissionState.Evaluating, null, "h", "quick", "synthetic", 1, "k", Created, Created, null, 1, 4, null, 0, []),
        new SubmissionResult(state, "", "", 100, 100, "synthetic", "cpu", [], new Dictionary<string, double>(), [], [], "", 1),
        prior,
        [DateOnly.FromDateTime(Created.UtcDateTime)],
        0,
        0);
}
