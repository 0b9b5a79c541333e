using Grader.Training.Training;
using static TorchSharp.torch;

namespace Grader.Training.Tests.Training;

[Collection(nameof(TrainerTests))]
public sealed class EvaluatorTests
{
    [Fact]
    public void PredictClasses_ScoredByTheHost_MatchesScoringWithLabelTensors()
    {
        var (train, test) = SyntheticData.Create(256, 64, 2);
        using var _ = train;
        using var images = SyntheticData.Images(test);
        var (preparedTrain, preparedTest) = PreparedSplit.Prepare(train, images, CPU);
        using var __ = preparedTrain;
        using var ___ = preparedTest;
        var model = TinyModels.Mlp();
        using var generator = new Generator(2);
        new Trainer(TimeProvider.System).Train(model, preparedTrain, preparedTest, new TrainingOptions("adam", 0.003, 32, 2, TimeSpan.FromMinutes(5)), generator, null, CancellationToken.None);

        var bytes = Evaluator.PredictClasses(model, preparedTest, 16);

        // The runner's bytes, scored by the host against its labels, say what scoring the tensors would.
        using var predicted = Evaluator.Predict(model, preparedTest, 16);
        using var labels = tensor(test.Labels).to(ScalarType.Int64);
        using var correct = predicted.eq(labels).sum();
        Assert.Equal(predicted.data<long>().ToArray().Select(p => (byte)p), bytes);
        Assert.Equal(correct.item<long>() / 64.0, test.AccuracyOf(bytes));
    }
}
