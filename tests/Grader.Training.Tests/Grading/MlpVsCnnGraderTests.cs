using Cifar10.MlpVsCnn;
using Google.Protobuf;
using Grader.Contracts.Runner.V1;
using Grader.Datasets;
using Grader.Sdk;
using Grader.Training.Grading;
using Grader.Training.Tests.Training;
using TorchSharp;
using static TorchSharp.torch;

namespace Grader.Training.Tests.Grading;

[Collection(nameof(SmugglingSolution))]
public sealed class MlpVsCnnGraderTests
{
    [Fact]
    public void Run_TinyRecipe_MeasuresBothModels()
    {
        var events = new RecordingEvents();

        var result = new MlpVsCnnGrader().Run(typeof(SmugglingSolution).Assembly, TinyJob(), events, CancellationToken.None);

        Assert.Equal(3072 * 8 + 8 + 8 * 10 + 10, result.Measurements["mlp.parameters"]);
        Assert.Equal(0, result.Measurements["mlp.conv_layers"]);
        Assert.Equal(2, result.Measurements["cnn.conv_layers"]);
        Assert.InRange(result.Measurements["cnn.train_accuracy"], 0, 1);
        Assert.Equal(["mlp", "mlp", "cnn", "cnn"], events.Epochs.Select(e => e.Model));
        var started = Assert.Single(events.Starts);
        Assert.Equal("synthetic", started.Dataset);
        Assert.Equal(64, started.TestExamples);
        Assert.All(events.Epochs, e => Assert.Equal(64, e.TestPredictions.Length));
        Assert.Equal(events.Epochs[^1].TestPredictions, result.TestPredictions["cnn"]);
    }

    [Fact]
    public void Run_NeverSeesTestLabels_ReportsNoTestAccuracy()
    {
        var events = new RecordingEvents();

        var result = new MlpVsCnnGrader().Run(typeof(SmugglingSolution).Assembly, TinyJob(), events, CancellationToken.None);

        // The runner cannot know a test accuracy: the host holds the labels and scores the predictions.
        Assert.DoesNotContain(result.Measurements.Keys, k => k.Contains("test", StringComparison.Ordinal));
        Assert.All(events.Epochs, e => Assert.Equal(0, e.TestAccuracy));
        Assert.Equal(["cnn", "mlp"], result.TestPredictions.Keys.Order());
    }

    [Fact]
    public void Run_NoTestImagesInJob_IsAPlatformError()
    {
        var job = TinyJob();
        job.TestImages = null;

        var error = Assert.Throws<ArgumentException>(() => new MlpVsCnnGrader().Run(typeof(SmugglingSolution).Assembly, job, new RecordingEvents(), CancellationToken.None));

        Assert.Contains("test images", error.Message, StringComparison.Ordinal);
    }

    [Fact]
    public void Run_WeightsSmuggledInSource_AreReplacedByGradersInitialisation()
    {
        SmugglingSolution.Smuggle = false;
        var honest = new MlpVsCnnGrader().Run(typeof(SmugglingSolution).Assembly, TinyJob(), new RecordingEvents(), CancellationToken.None);
        SmugglingSolution.Smuggle = true;
        try
        {
            var smuggled = new MlpVsCnnGrader().Run(typeof(SmugglingSolution).Assembly, TinyJob(), new RecordingEvents(), CancellationToken.None);

            Assert.Equal(honest.TestPredictions["mlp"], smuggled.TestPredictions["mlp"]);
            Assert.Equal(honest.TestPredictions["cnn"], smuggled.TestPredictions["cnn"]);
        }
        finally
        {
            SmugglingSolution.Smuggle = false;
        }
    }

    [Fact]
    public void Run_AssemblyWithoutSolution_FailsWithEntryPointMissing()
    {
        var error = Assert.Throws<LearnerCodeException>(() =>
            new MlpVsCnnGrader().Run(typeof(object).Assembly, TinyJob(), new RecordingEvents(), CancellationToken.None));

        Assert.Equal("entry_point_missing", error.Reason);
    }

    [Fact]
    public void Run_UnknownDataset_IsAPlatformError()
    {
        var job = TinyJob();
        job.Dataset.Name = "imagenet";

        Assert.Throws<ArgumentException>(() => new MlpVsCnnGrader().Run(typeof(SmugglingSolution).Assembly, job, new RecordingEvents(), CancellationToken.None));
    }

    private static RunJob TinyJob()
    {
        var test = SyntheticImages.Generate(DatasetSplit.Test, 64, 11);
        return new()
        {
            Grader = "cifar10-mlp-vs-cnn",
            Seed = 11,
            Dataset = new DatasetSpec { Name = "synthetic" },
            Recipe = new TrainingRecipe { Optimizer = "adam", LearningRate = 0.003, BatchSize = 64, Epochs = 2, TrainLimit = 256, TestLimit = 64, TimeLimitSeconds = 300 },
            TestImages = new TestImages { Count = test.Count, Pixels = ByteString.CopyFrom(test.Pixels) },
        };
    }

    private sealed class RecordingEvents : IRunnerEvents
    {
        public List<Started> Starts { get; } = [];
        public List<EpochCompleted> Epochs { get; } = [];

        public void Started(Started started) => Starts.Add(started);

        public void EpochCompleted(EpochCompleted epoch) => Epochs.Add(epoch);
    }
}

/// <summary>The one IMlpVsCnn in this assembly; can fill its weights with "pretrained" values.</summary>
public sealed class SmugglingSolution : IMlpVsCnn
{
    public static bool Smuggle { get; set; }

    public nn.Module<Tensor, Tensor> BuildMlp() => Prepare(TinyModels.Mlp());

    public nn.Module<Tensor, Tensor> BuildCnn() => Prepare(TinyModels.Cnn());

    private static nn.Module<Tensor, Tensor> Prepare(nn.Module<Tensor, Tensor> model)
    {
        if (Smuggle)
        {
            using var noGrad = no_grad();
            foreach (var p in model.parameters())
                p.fill_(0.37);
        }
        return model;
    }
}
