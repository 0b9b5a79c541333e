using Grader.Core.Exercises;
using Grader.Core.Rubrics;

namespace Grader.Core.Tests.Rubrics;

public sealed class RubricEvaluatorTests
{
    private static readonly ExerciseDefinition Demo = ExerciseParser.Parse(ExerciseYaml.Valid);

    private static Dictionary<string, double> Measurements(double gap = 0.25, double size = 50) => new()
    {
        ["a.score"] = 0.3,
        ["b.score"] = 0.3 + gap,
        ["a.size"] = size,
    };

    [Fact]
    public void Evaluate_AllCriteriaMet_FullScoreAndPassFeedback()
    {
        var outcome = RubricEvaluator.Evaluate(Demo, "synthetic", Measurements());

        Assert.True(outcome.AllPassed);
        Assert.Equal(50, outcome.Score);
        Assert.Equal(50, outcome.MaxScore);
        Assert.Equal(("demo", 2, "synthetic"), (outcome.ExerciseId, outcome.ExerciseVersion, outcome.Dataset));
        var gap = outcome.Criteria[0];
        Assert.Equal(new CriterionOutcome("gap", "Gap", true, 30, 30, gap.Measured, ComparisonOperator.GreaterOrEqual, 0.1,
            "gap 0.25 meets 0.1", CriterionVisibility.Visible), gap);
        Assert.Equal(0.25, gap.Measured, 1e-12);
        Assert.Equal(CriterionVisibility.AfterDue, outcome.Criteria[1].Visibility);
    }

    [Fact]
    public void Evaluate_OneCriterionFails_ScoreCountsOnlyPassedPoints()
    {
        var outcome = RubricEvaluator.Evaluate(Demo, "synthetic", Measurements(size: 100));

        Assert.False(outcome.AllPassed);
        Assert.Equal(30, outcome.Score);
        Assert.Equal(50, outcome.MaxScore);
        var small = outcome.Criteria[1];
        Assert.False(small.Passed);
        Assert.Equal(0, small.Points);
        Assert.Equal(20, small.MaxPoints);
        Assert.Equal("too big", small.Feedback);
    }

    [Theory]
    [InlineData("synthetic", 0.15, true)]
    [InlineData("cifar10", 0.15, false)]
    [InlineData("cifar10", 0.2, true)]
    public void Evaluate_PerDatasetThreshold_UsesTheDatasetsValue(string dataset, double gap, bool passed)
    {
        var outcome = RubricEvaluator.Evaluate(Demo, dataset, Measurements(gap));

        Assert.Equal(passed, outcome.Criteria[0].Passed);
        Assert.Equal(dataset == "cifar10" ? 0.2 : 0.1, outcome.Criteria[0].Threshold);
    }

    [Fact]
    public void Evaluate_Failing_FillsPlaceholdersInFailText()
    {
        var outcome = RubricEvaluator.Evaluate(Demo, "cifar10", Measurements(gap: 0.123456));

        Assert.Equal("gap 0.1235 is below 0.2", outcome.Criteria[0].Feedback);
    }

    [Fact]
    public void Evaluate_MissingMeasurement_FailsThatCriterionOnly()
    {
        var measurements = Measurements();
        measurements.Remove("b.score");

        var outcome = RubricEvaluator.Evaluate(Demo, "synthetic", measurements);

        var gap = outcome.Criteria[0];
        Assert.False(gap.Passed);
        Assert.True(double.IsNaN(gap.Measured));
        Assert.Equal("measurement b.score missing", gap.Feedback);
        Assert.Equal(0.1, gap.Threshold);
        Assert.True(outcome.Criteria[1].Passed);
        Assert.Equal(20, outcome.Score);
    }

    [Fact]
    public void Evaluate_NaNMeasurement_Fails()
    {
        var measurements = Measurements();
        measurements["b.score"] = double.NaN;

        var gap = RubricEvaluator.Evaluate(Demo, "synthetic", measurements).Criteria[0];

        Assert.False(gap.Passed);
        Assert.Equal("gap NaN is below 0.1", gap.Feedback);
    }

    [Fact]
    public void Evaluate_DatasetWithoutThreshold_ThrowsArgumentException()
    {
        var ex = Assert.Throws<ArgumentException>(() => RubricEvaluator.Evaluate(Demo, "mnist", Measurements()));

        Assert.Equal("dataset", ex.ParamName);
        Assert.Contains("criterion 'gap' has thresholds only for synthetic, cifar10", ex.Message, StringComparison.Ordinal);
    }

    [Theory]
    [InlineData(">=", 3, true)]
    [InlineData(">=", 2, false)]
    [InlineData("<=", 3, true)]
    [InlineData("<=", 4, false)]
    [InlineData(">", 4, true)]
    [InlineData(">", 3, false)]
    [InlineData("<", 2, true)]
    [InlineData("<", 3, false)]
    [InlineData("==", 3, true)]
    [InlineData("==", 3.5, false)]
    public void Evaluate_EachComparison_DecidesPass(string symbol, double size, bool passed)
    {
        var exercise = ExerciseParser.Parse(ExerciseYaml
            .With("comparison: \"<\"", $"comparison: \"{symbol}\"")
            .Replace("threshold: 100", "threshold: 3", StringComparison.Ordinal));

        var small = RubricEvaluator.Evaluate(exercise, "synthetic", Measurements(size: size)).Criteria[1];

        Assert.Equal(passed, small.Passed);
        Assert.Equal(ComparisonOperatorExtensions.Symbols[symbol], small.Comparison);
        Assert.Equal(size, small.Measured);
    }

    [Fact]
    public void Evaluate_SameInputs_SameOutcome()
    {
        var first = RubricEvaluator.Evaluate(Demo, "cifar10", Measurements(0.15));
        var second = RubricEvaluator.Evaluate(Demo, "cifar10", Measurements(0.15));

        Assert.Equal(first.Criteria, second.Criteria);
        Assert.Equal(first.Score, second.Score);
    }
}
