using Google.Protobuf;
using Grader.Contracts.Runner.V1;
using Grader.Datasets;
using Grader.Sandbox.Grading;

namespace Grader.Sandbox.Tests.Grading;

public sealed class RunnerReportCheckerTests
{
    private const int Epochs = 2;

    // Four test images labelled 0, 1, 2, 3; only the host knows these labels.
    private static readonly LabelledImages Test = new("synthetic", new byte[4 * ImageFormat.ImageBytes], [0, 1, 2, 3]);

    [Fact]
    public void Complete_HonestRun_ScoresPredictionsWithTheHostsLabels()
    {
        var checker = Checker();
        var forwarded = HonestEvents().Select(checker.Observe).ToList();

        var report = checker.Complete(Completed());

        Assert.NotNull(report);
        Assert.Null(checker.Violation);
        Assert.Equal(0.5, report.Measurements["mlp.test_accuracy"]);
        Assert.Equal(1.0, report.Measurements["cnn.test_accuracy"]);
        Assert.Equal([0.25, 0.5], report.Curves.Single(c => c.Name == "mlp.test_accuracy").Values);
        Assert.Equal([0.75, 1.0], report.Curves.Single(c => c.Name == "cnn.test_accuracy").Values);
        var epoch = forwarded.OfType<RunnerEvent>().First(e => e.EpochCompleted is not null).EpochCompleted;
        Assert.Equal(0.25, epoch.TestAccuracy);
        Assert.True(epoch.TestPredictions.IsEmpty, "raw predictions are not passed on");
    }

    public static TheoryData<string, Action<RunnerEvent>> BrokenEpochs => new()
    {
        { "too few predictions", e => e.EpochCompleted.TestPredictions = ByteString.CopyFrom(0, 1, 2) },
        { "too many predictions", e => e.EpochCompleted.TestPredictions = ByteString.CopyFrom(0, 1, 2, 3, 4) },
        { "class out of range", e => e.EpochCompleted.TestPredictions = ByteString.CopyFrom(0, 1, 10, 3) },
        { "NaN loss", e => e.EpochCompleted.TrainLoss = double.NaN },
        { "negative loss", e => e.EpochCompleted.TrainLoss = -1 },
        { "train accuracy above 1", e => e.EpochCompleted.TrainAccuracy = 1.5 },
        { "infinite seconds", e => e.EpochCompleted.Seconds = double.PositiveInfinity },
        { "claims a test accuracy", e => e.EpochCompleted.TestAccuracy = 0.99 },
        { "skips an epoch", e => e.EpochCompleted.Epoch = 2 },
        { "wrong epoch total", e => e.EpochCompleted.Epochs = 3 },
        { "unknown model", e => e.EpochCompleted.Model = "resnet" },
        { "cnn before the mlp", e => e.EpochCompleted.Model = "cnn" },
    };

    [Theory]
    [MemberData(nameof(BrokenEpochs))]
    public void Observe_BrokenFirstEpoch_IsAViolationOfTheLearnersRun(string name, Action<RunnerEvent> breakIt)
    {
        var checker = Checker();
        Assert.NotNull(checker.Observe(Started()));
        var epoch = Epoch("mlp", 1, 0, 0, 0, 0);
        breakIt(epoch);

        Assert.Null(checker.Observe(epoch));
        Assert.NotNull(checker.Violation);
        Assert.False(checker.ViolationIsPlatformFault, name);
        Assert.Null(checker.Complete(Completed()));
    }

    public static TheoryData<string, Action<RunCompleted>> BrokenCompletions => new()
    {
        { "unknown measurement", c => c.Measurements["mlp.test_accuracy"] = 1 },
        { "missing measurement", c => c.Measurements.Remove("cnn.parameters") },
        { "zero parameters", c => c.Measurements["mlp.parameters"] = 0 },
        { "a trillion parameters", c => c.Measurements["mlp.parameters"] = 1e12 },
        { "fractional parameters", c => c.Measurements["mlp.parameters"] = 10.5 },
        { "NaN seconds", c => c.Measurements["cnn.seconds"] = double.NaN },
        { "train accuracy unlike the last epoch", c => c.Measurements["mlp.train_accuracy"] = 0.1 },
        { "no final predictions", c => c.TestPredictions.Remove("cnn") },
        { "final predictions of the wrong length", c => c.TestPredictions["cnn"] = ByteString.CopyFrom(1, 2) },
        { "predictions for a stranger", c => c.TestPredictions["vit"] = ByteString.CopyFrom(0, 1, 2, 3) },
    };

    [Theory]
    [MemberData(nameof(BrokenCompletions))]
    public void Complete_BrokenReport_IsAViolation(string name, Action<RunCompleted> breakIt)
    {
        var checker = Checker();
        foreach (var e in HonestEvents())
            checker.Observe(e);
        var completed = Completed();
        breakIt(completed);

        Assert.Null(checker.Complete(completed));
        Assert.False(string.IsNullOrEmpty(checker.Violation), name);
    }

    [Fact]
    public void Complete_BeforeEveryEpoch_IsAViolation()
    {
        var checker = Checker();
        foreach (var e in HonestEvents().Take(3))
            checker.Observe(e);

        Assert.Null(checker.Complete(Completed()));
        Assert.Contains("epochs", checker.Violation, StringComparison.Ordinal);
    }

    [Fact]
    public void Observe_SecondStarted_IsTheLearnersViolation()
    {
        var checker = Checker();
        checker.Observe(Started());

        Assert.Null(checker.Observe(Started()));
        Assert.False(checker.ViolationIsPlatformFault);
    }

    [Theory]
    [InlineData("cifar10", 4, "cpu")]
    [InlineData("synthetic", 5, "cpu")]
    [InlineData("synthetic", 4, "tpu")]
    public void Observe_WrongStarted_IsAPlatformFault(string dataset, int testExamples, string device)
    {
        var checker = Checker();

        Assert.Null(checker.Observe(new RunnerEvent { Started = new Started { Dataset = dataset, TestExamples = testExamples, TrainExamples = 10, Device = device } }));
        Assert.True(checker.ViolationIsPlatformFault);
    }

    [Fact]
    public void CheckFailure_KnownReason_PassesTheMessageOnCut()
    {
        var checker = Checker();

        var message = checker.CheckFailure(new RunFailed { Reason = "model_error", Message = new string('x', 5000) });

        Assert.NotNull(message);
        Assert.True(message.Length <= RunnerReportRules.MaxFailureMessageLength + 1);
    }

    [Fact]
    public void CheckFailure_ReasonTheGraderNeverGives_IsAViolation()
    {
        var checker = Checker();

        Assert.Null(checker.CheckFailure(new RunFailed { Reason = "platform_error", Message = "please retry for free" }));
        Assert.Contains("platform_error", checker.Violation, StringComparison.Ordinal);
    }

    private static RunnerReportChecker Checker() => new(RunnerReportRules.MlpVsCnn, Test, Epochs, "synthetic");

    private static RunnerEvent Started() =>
        new() { Started = new Started { Dataset = "synthetic", TestExamples = 4, TrainExamples = 10, Device = "cpu" } };

    private static RunnerEvent Epoch(string model, int epoch, params byte[] predictions) => new()
    {
        EpochCompleted = new EpochCompleted
        {
            Model = model,
            Epoch = epoch,
            Epochs = Epochs,
            TrainLoss = 1.0 / epoch,
            TrainAccuracy = 0.5,
            Seconds = 0.1,
            TestPredictions = ByteString.CopyFrom(predictions),
        },
    };

    private static IEnumerable<RunnerEvent> HonestEvents() =>
    [
        Started(),
        Epoch("mlp", 1, 0, 0, 0, 0),
        Epoch("mlp", 2, 0, 1, 0, 0),
        Epoch("cnn", 1, 0, 1, 2, 0),
        Epoch("cnn", 2, 0, 1, 2, 3),
    ];

    private static RunCompleted Completed()
    {
        var completed = new RunCompleted();
        foreach (var model in new[] { "mlp", "cnn" })
        {
            completed.Measurements[$"{model}.parameters"] = 1000;
            completed.Measurements[$"{model}.conv_layers"] = model == "cnn" ? 2 : 0;
            completed.Measurements[$"{model}.train_accuracy"] = 0.5;
            completed.Measurements[$"{model}.seconds"] = 1.5;
            completed.Measurements[$"{model}.images_per_second"] = 100;
        }

        completed.TestPredictions["mlp"] = ByteString.CopyFrom(0, 1, 0, 0);
        completed.TestPredictions["cnn"] = ByteString.CopyFrom(0, 1, 2, 3);
        return completed;
    }
}
