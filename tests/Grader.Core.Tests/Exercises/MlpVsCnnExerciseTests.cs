using Grader.Core.Exercises;
using Grader.Core.Rubrics;

namespace Grader.Core.Tests.Exercises;

/// <summary>The real lesson-01 exercise file under content/, judged on hand-made measurements.</summary>
public sealed class MlpVsCnnExerciseTests
{
    private static readonly string RelativePath = Path.Combine("content", "exercises", "mlp-vs-cnn", "exercise.yaml");

    private static readonly ExerciseDefinition Exercise = ExerciseCatalog
        .Load(RelativePath, File.ReadAllText(Path.Combine(RepositoryPaths.Root, RelativePath)))
        .Get("mlp-vs-cnn");

    public static TheoryData<string, string, double> SingleFailures => new()
    {
        { "mlp-has-no-convolution", "mlp.conv_layers", 1 },
        { "cnn-has-convolution", "cnn.conv_layers", 0 },
        { "parameter-parity", "cnn.parameters", 70_000 },
        { "mlp-learns", "mlp.test_accuracy", 0.25 },
        { "accuracy-gap", "cnn.test_accuracy", 0.48 },
    };

    [Fact]
    public void Parse_RealFile_HasTheAgreedShape()
    {
        Assert.Equal((1, "cifar10-mlp-vs-cnn", "01-images-are-not-vectors", 100),
            (Exercise.Version, Exercise.Grader, Exercise.Lesson, Exercise.Xp));
        Assert.Equal(
            new ExerciseProfile("quick", "synthetic", DevicePreference.Cpu,
                new TrainingRecipe(OptimizerKind.Adam, 0.003, 64, 8, 6000, 2000, 90, 0, 0), new RunLimits(150, 4096)),
            Exercise.GetProfile("quick"));
        Assert.Equal(
            new ExerciseProfile("full", "cifar10", DevicePreference.CudaPreferred,
                new TrainingRecipe(OptimizerKind.Adam, 0.001, 128, 15, 0, 0, 1800, 0, 0), new RunLimits(2400, 8192)),
            Exercise.GetProfile("full"));
        Assert.Equal(
            [("mlp-has-no-convolution", 10), ("cnn-has-convolution", 10), ("parameter-parity", 20), ("mlp-learns", 20), ("accuracy-gap", 40)],
            Exercise.Criteria.Select(c => (c.Id, c.Points)));
        Assert.Equal(new SubmissionLimits(10, TimeSpan.FromHours(1), TimeSpan.FromSeconds(30)), Exercise.SubmissionLimits);
        Assert.True(Exercise.SupportsDataset(ExerciseDatasets.Synthetic));
        Assert.True(Exercise.SupportsDataset(ExerciseDatasets.Cifar10));
    }

    [Theory]
    [InlineData("synthetic")]
    [InlineData("cifar10")]
    public void Evaluate_ReferenceLikeMeasurements_PassesEverything(string dataset)
    {
        var outcome = RubricEvaluator.Evaluate(Exercise, dataset, Passing());

        Assert.True(outcome.AllPassed, string.Join("; ", outcome.Criteria.Where(c => !c.Passed).Select(c => c.Feedback)));
        Assert.Equal(100, outcome.Score);
        Assert.Equal(100, outcome.MaxScore);
    }

    [Theory]
    [MemberData(nameof(SingleFailures))]
    public void Evaluate_OneMeasurementOff_FailsExactlyThatCriterion(string criterion, string measurement, double value)
    {
        var measurements = Passing();
        measurements[measurement] = value;

        var outcome = RubricEvaluator.Evaluate(Exercise, "synthetic", measurements);

        var failed = Assert.Single(outcome.Criteria, c => !c.Passed);
        Assert.Equal(criterion, failed.Id);
        Assert.Equal(100 - failed.MaxPoints, outcome.Score);
        Assert.DoesNotContain("{", failed.Feedback, StringComparison.Ordinal);
    }

    [Fact]
    public void Evaluate_SmallGap_FeedbackShowsMeasuredAndThreshold()
    {
        var measurements = Passing();
        measurements["cnn.test_accuracy"] = 0.4812;

        var gap = RubricEvaluator.Evaluate(Exercise, "synthetic", measurements).Criteria.Single(c => c.Id == "accuracy-gap");

        Assert.StartsWith("The CNN beats the MLP by only 0.0612 in test accuracy; the exercise needs 0.1.", gap.Feedback, StringComparison.Ordinal);
    }

    [Fact]
    public void Evaluate_MlpFloorDiffersPerDataset()
    {
        var measurements = Passing();
        measurements["mlp.test_accuracy"] = 0.35;
        measurements["cnn.test_accuracy"] = 0.55;

        Assert.True(RubricEvaluator.Evaluate(Exercise, "synthetic", measurements).AllPassed);
        var onCifar = RubricEvaluator.Evaluate(Exercise, "cifar10", measurements);
        Assert.Equal("mlp-learns", Assert.Single(onCifar.Criteria, c => !c.Passed).Id);
    }

    private static Dictionary<string, double> Passing() => new()
    {
        ["mlp.parameters"] = 99_850,
        ["cnn.parameters"] = 95_210,
        ["mlp.conv_layers"] = 0,
        ["cnn.conv_layers"] = 3,
        ["mlp.train_accuracy"] = 0.55,
        ["cnn.train_accuracy"] = 0.7,
        ["mlp.test_accuracy"] = 0.42,
        ["cnn.test_accuracy"] = 0.61,
        ["mlp.seconds"] = 4.2,
        ["cnn.seconds"] = 9.8,
    };
}
