using System.Diagnostics;
using Grader.Training.Inspection;
using static TorchSharp.torch;

namespace Grader.Training.Training;

/// <summary>
/// Mini-batch training with a fixed recipe. Every step runs in its own dispose scope so native
/// memory stays flat however long the run; shuffling draws from the caller's generator so a CPU run
/// repeats exactly for a seed. After each epoch the model predicts the test images; the trainer has no
/// test labels, so it reports predictions and leaves the scoring to whoever holds them. The optimiser
/// gets the parameters <see cref="ModuleTree"/> finds, not what the model says it has.
/// </summary>
public sealed class Trainer(TimeProvider time)
{
    public TrainingReport Train(
        nn.Module<Tensor, Tensor> model,
        PreparedSplit train,
        Tensor testImages,
        TrainingOptions options,
        Generator generator,
        Action<EpochMetrics>? onEpoch,
        CancellationToken cancellationToken)
    {
        ArgumentNullException.ThrowIfNull(model);
        ArgumentNullException.ThrowIfNull(train);
        ArgumentNullException.ThrowIfNull(testImages);
        ArgumentNullException.ThrowIfNull(options);
        options.Validate();

        var started = time.GetTimestamp();
        using var optimizer = CreateOptimizer(model, options);
        var epochs = new List<EpochMetrics>(options.Epochs);
        long imagesSeen = 0;
        for (var epoch = 1; epoch <= options.Epochs; epoch++)
        {
            var epochStarted = time.GetTimestamp();
            model.train();
            double lossSum = 0;
            long correct = 0;
            using (var order = randperm(train.Count, generator: generator).to(train.Images.device))
            {
                for (var start = 0; start < train.Count; start += options.BatchSize)
                {
                    cancellationToken.ThrowIfCancellationRequested();
                    if (time.GetElapsedTime(started) > options.TimeLimit)
                        throw new TrainingTimeLimitException(options.TimeLimit, epoch - 1);

                    using var scope = NewDisposeScope();
                    var length = Math.Min(options.BatchSize, train.Count - start);
                    var index = order.narrow(0, start, length);
                    var images = train.Images.index_select(0, index);
                    var labels = train.Labels.index_select(0, index);
                    optimizer.zero_grad();
                    var logits = model.forward(images);
                    var loss = nn.functional.cross_entropy(logits, labels);
                    loss.backward();
                    optimizer.step();
                    lossSum += loss.item<float>() * length;
                    correct += logits.argmax(1).eq(labels).sum().item<long>();
                    imagesSeen += length;
                }
            }

            var testPredictions = Evaluator.PredictClasses(model, testImages, Math.Max(options.BatchSize, 256));
            var metrics = new EpochMetrics(epoch, options.Epochs, lossSum / train.Count, correct / (double)train.Count, testPredictions, time.GetElapsedTime(epochStarted));
            epochs.Add(metrics);
            onEpoch?.Invoke(metrics);
        }
        return new TrainingReport(epochs, time.GetElapsedTime(started), imagesSeen);
    }

    private static optim.Optimizer CreateOptimizer(nn.Module<Tensor, Tensor> model, TrainingOptions options)
    {
        var parameters = ModuleTree.Parameters(model).Select(p => p.Parameter).ToList();
        return options.Optimizer switch
        {
            "adam" => optim.Adam(parameters, options.LearningRate, weight_decay: options.WeightDecay),
            "sgd" => optim.SGD(parameters, options.LearningRate, momentum: options.Momentum, weight_decay: options.WeightDecay),
            _ => throw new UnreachableException($"optimizer '{options.Optimizer}' passed validation"),
        };
    }
}
