using Grader.Core.Exercises;
using Grader.Core.Progress;
using Grader.Core.Rubrics;
using Grader.Core.Submissions;

namespace Grader.Core.Tests.Progress;

public sealed class ProgressRulesTests
{
    private static readonly DateTimeOffset Now = new(2026, 3, 2, 9, 0, 0, TimeSpan.Zero);

    private static readonly ExerciseDefinition Exercise = new(
        "mlp-vs-cnn", 1, "T", "01", 100, "g", new Dictionary<string, ExerciseProfile>(), [], null);

    private static readonly ProgressionDefinition Progression = new(
        [new(0, "Curious", 0), new(1, "Tinkerer", 120), new(2, "Apprentice", 260)],
        20,
        [
            new("first-steps", "First", "d", false, new SubmissionCountCriterion(1)),
            new("twins", "Twins", "d", false, new MeasurementCriterion(
                MeasurementExpression.Parse("max(mlp.parameters, cnn.parameters) / min(mlp.parameters, cnn.parameters)"), ComparisonOperator.LessOrEqual, 1.05, true)),
            new("level-one", "L1", "d", false, new LevelCriterion(1)),
        ]);

    [Theory]
    [InlineData(0, 60, 60)]
    [InlineData(60, 100, 40)]
    [InlineData(100, 100, 0)]
    [InlineData(60, 40, 0)]
    [InlineData(33.3, 66.6, 34)]
    public void ImprovementXp_ScoreChange_PaysTheRoundedShareOfTheRise(double oldBest, double newBest, int expected) =>
        Assert.Equal(expected, ProgressRules.ImprovementXp(100, oldBest, newBest, 100));

    [Fact]
    public void ImprovementXp_ManySmallSteps_NeverPayMoreThanTheExercise()
    {
        var total = 0;
        for (var score = 0.5; score <= 100; score += 0.5)
        {
            total += ProgressRules.ImprovementXp(100, score - 0.5, score, 100);
        }

        Assert.Equal(100, total);
    }

    [Fact]
    public void Decide_FirstPerfectPass_PaysImprovementAndBonusWithUniqueKeysAndUnlocks()
    {
        var decision = ProgressRules.Decide(Context(grade: null), Result(SubmissionState.Succeeded, 100, ratio: 1.01), Exercise, Progression, Now);

        Assert.Equal(
            [("improvement:c:ada:mlp-vs-cnn:s1", 100), ("first-pass:c:ada:mlp-vs-cnn", 20)],
            decision.Xp.Select(x => (x.Key, x.Amount)));
        Assert.Equal(["first-steps", "twins", "level-one"], decision.Achievements);
        Assert.Equal((100d, true, "s1"), (decision.Grade!.BestScore, decision.Grade.Passed, decision.Grade.BestSubmissionId));
    }

    [Fact]
    public void Decide_WorseResultAfterAPass_PaysNothingAndKeepsTheGrade()
    {
        var grade = new ExerciseGrade("c", "ada", "mlp-vs-cnn", 100, 100, true, "s0", Now);

        var decision = ProgressRules.Decide(
            Context(grade, unlocked: ["first-steps", "twins", "level-one"]), Result(SubmissionState.Failed, 50, ratio: 1.5), Exercise, Progression, Now);

        Assert.Empty(decision.Xp);
        Assert.Null(decision.Grade);
        Assert.Empty(decision.Achievements);
    }

    [Fact]
    public void Decide_FailedRunWithTightParity_DoesNotUnlockAPassOnlyAchievement()
    {
        var decision = ProgressRules.Decide(Context(grade: null), Result(SubmissionState.Failed, 60, ratio: 1.0), Exercise, Progression, Now);

        Assert.DoesNotContain("twins", decision.Achievements);
        Assert.Equal([("improvement:c:ada:mlp-vs-cnn:s1", 60)], decision.Xp.Select(x => (x.Key, x.Amount)));
    }

    [Fact]
    public void Decide_PlatformError_AwardsNothing() =>
        Assert.Same(AwardDecision.None, ProgressRules.Decide(Context(null), Result(SubmissionState.Error, 0, 1), Exercise, Progression, Now));

    private static AwardContext Context(ExerciseGrade? grade, string[]? unlocked = null) => new(
        new Submission("s1", "c", "mlp-vs-cnn", 1, "ada", SubmissionState.Evaluating, null, "h", "quick", "synthetic", 1, "k", Now, Now, null, 1, 4, null, 0, []),
        [],
        grade,
        grade is null ? 0 : 120,
        (unlocked ?? []).ToHashSet(),
        [DateOnly.FromDateTime(Now.UtcDateTime)]);

    private static SubmissionResult Result(SubmissionState state, double score, double ratio) => new(
        state, state == SubmissionState.Succeeded ? "" : "criteria_failed", "s", score, 100, "synthetic", "cpu", [],
        new Dictionary<string, double> { ["mlp.parameters"] = 1000, ["cnn.parameters"] = 1000 * ratio }, [], [], "", 1);
}
