using Grader.Training.Training;
using static TorchSharp.torch;

namespace Grader.Training.Tests.Training;

// Alone (see TrainerCollection): the live-tensor count below is process-wide.
[Collection(nameof(TrainerTests))]
public sealed class TrainerTests
{
    private static readonly TrainingOptions Recipe = new("adam", 0.003, 64, 2, TimeSpan.FromMinutes(5));

    [Fact]
    public void Train_SameSeedTwice_RepeatsExactlyOnCpu()
    {
        var first = TrainOnce(seed: 7, TinyModels.Mlp());
        var second = TrainOnce(seed: 7, TinyModels.Mlp());

        Assert.Equal(first.Epochs.Select(e => e.TrainLoss), second.Epochs.Select(e => e.TrainLoss));
        Assert.Equal(first.TestPredictions, second.TestPredictions);
    }

    [Fact]
    public void Train_Cnn_ReportsEveryEpochAndLearns()
    {
        var seen = new List<EpochMetrics>();
        var report = TrainOnce(seed: 1, TinyModels.Cnn(), seen.Add, Recipe with { Epochs = 3 });

        Assert.Equal([1, 2, 3], seen.Select(e => e.Epoch));
        Assert.All(seen, e => Assert.Equal(3, e.Epochs));
        Assert.True(seen[^1].TrainLoss < seen[0].TrainLoss, $"loss should fall: {seen[0].TrainLoss} -> {seen[^1].TrainLoss}");
        Assert.Equal(3 * 512, report.ImagesSeen);
        Assert.All(seen, e => Assert.Equal(128, e.TestPredictions.Length));
        Assert.All(report.TestPredictions, p => Assert.InRange(p, 0, 9));
    }

    [Fact]
    public void Train_ManyEpochs_DoesNotGrowLiveTensors()
    {
        var (train, test) = SyntheticData.Create(256, 64, 3);
        using var _ = train;
        using var __ = SyntheticData.Images(test);
        var (preparedTrain, preparedTest) = PreparedSplit.Prepare(train, __, CPU);
        using var ___ = preparedTrain;
        using var ____ = preparedTest;
        var model = TinyModels.Cnn();
        using var generator = new Generator(3);
        var trainer = new Trainer(TimeProvider.System);

        var smallBatches = Recipe with { BatchSize = 16 };
        trainer.Train(model, preparedTrain, preparedTest, smallBatches with { Epochs = 1 }, generator, null, CancellationToken.None);
        var afterOne = SettledTensorCount();
        trainer.Train(model, preparedTrain, preparedTest, smallBatches with { Epochs = 4 }, generator, null, CancellationToken.None);

        // 64 steps ran in between: a leak per step or per batch would show as dozens of tensors.
        // A handful may differ (gradients, tensors of tests running on other threads).
        Assert.InRange(SettledTensorCount() - afterOne, -16, 16);
    }

    [Fact]
    public void Train_TimeLimitExceeded_ThrowsWithEpochsDone()
    {
        var time = new SteppingTime(TimeSpan.FromSeconds(1));

        var error = Assert.Throws<TrainingTimeLimitException>(() =>
            TrainOnce(seed: 1, TinyModels.Mlp(), recipe: Recipe with { Epochs = 50, TimeLimit = TimeSpan.FromSeconds(20) }, time: time));

        Assert.Equal(TimeSpan.FromSeconds(20), error.Limit);
        Assert.Contains("time limit", error.Message, StringComparison.Ordinal);
    }

    [Fact]
    public void Train_CancelledToken_Stops()
    {
        using var cancelled = new CancellationTokenSource();
        cancelled.Cancel();

        Assert.Throws<OperationCanceledException>(() => TrainOnce(seed: 1, TinyModels.Mlp(), cancellation: cancelled.Token));
    }

    [Theory]
    [InlineData("rmsprop", 0.01, 32, 1)]
    [InlineData("adam", 0, 32, 1)]
    [InlineData("adam", 0.01, 0, 1)]
    [InlineData("adam", 0.01, 32, 0)]
    public void Validate_OutOfRange_Throws(string optimizer, double learningRate, int batchSize, int epochs)
    {
        var options = new TrainingOptions(optimizer, learningRate, batchSize, epochs, TimeSpan.FromSeconds(1));

        Assert.Throws<ArgumentException>(options.Validate);
    }

    private static TrainingReport TrainOnce(
        ulong seed,
        nn.Module<Tensor, Tensor> model,
        Action<EpochMetrics>? onEpoch = null,
        TrainingOptions? recipe = null,
        TimeProvider? time = null,
        CancellationToken cancellation = default)
    {
        var (train, test) = SyntheticData.Create(512, 128, seed);
        using var _ = train;
        using var __ = SyntheticData.Images(test);
        var (preparedTrain, preparedTest) = PreparedSplit.Prepare(train, __, CPU);
        using var ___ = preparedTrain;
        using var ____ = preparedTest;
        random.manual_seed((long)seed);
        foreach (var p in model.parameters())
            using (no_grad()) nn.init.uniform_(p, -0.05, 0.05);
        using var generator = new Generator(seed);
        return new Trainer(time ?? TimeProvider.System).Train(model, preparedTrain, preparedTest, recipe ?? Recipe, generator, onEpoch, cancellation);
    }

    /// <summary>
    /// The live-tensor count once tensors other tests dropped without disposing have been finalised, so that their
    /// finalisers do not land in the middle of the measurement.
    /// </summary>
    private static long SettledTensorCount()
    {
        GC.Collect();
        GC.WaitForPendingFinalizers();
        return Tensor.TotalCount;
    }

    /// <summary>A clock that moves forward by a fixed step each time it is read: a fake at the time boundary.</summary>
    private sealed class SteppingTime(TimeSpan step) : TimeProvider
    {
        private long _ticks;

        public override long TimestampFrequency => TimeSpan.TicksPerSecond;

        public override long GetTimestamp() => Interlocked.Add(ref _ticks, step.Ticks);
    }
}
