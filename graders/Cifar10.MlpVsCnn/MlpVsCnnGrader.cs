using System.Reflection;
using Google.Protobuf;
using Grader.Contracts.Runner.V1;
using Grader.Datasets;
using Grader.Training.Datasets;
using Grader.Training.Devices;
using Grader.Training.Grading;
using Grader.Training.Inspection;
using Grader.Training.Training;
using TorchSharp;
using static TorchSharp.torch;

namespace Cifar10.MlpVsCnn;

/// <summary>
/// Lesson 01: trains the learner's MLP and CNN with the same recipe on the same data, after re-initialising both
/// with the grader's seed, and measures size and structure. It never sees a test label: the host puts only the
/// test images in the job, this grader returns the models' predictions for them, and the host scores them.
/// The rubric (in the exercise file) decides what passes.
/// </summary>
public sealed class MlpVsCnnGrader(TimeProvider time) : IExerciseGrader
{
    public MlpVsCnnGrader() : this(TimeProvider.System) { }

    public string Id => "cifar10-mlp-vs-cnn";

    /// <summary>The models this grader reports on, in the order it trains them.</summary>
    public static IReadOnlyList<string> Models { get; } = ["mlp", "cnn"];

    public RunCompleted Run(Assembly learner, RunJob job, IRunnerEvents events, CancellationToken cancellationToken)
    {
        ArgumentNullException.ThrowIfNull(job);
        ArgumentNullException.ThrowIfNull(events);

        // Everything before Started is the platform's: no learner code has run yet, so a failure here is ours.
        var device = DeviceChooser.Choose(job.AllowCuda);
        using var train = LoadTrainingSplit(job);
        using var testImages = TestImages(job);
        events.Started(new Started
        {
            Device = device.type.ToString().ToLowerInvariant(),
            Dataset = train.Name,
            TrainExamples = train.Count,
            TestExamples = (int)testImages.shape[0],
        });

        var solution = LearnerModels.FindSolution(learner);
        var mlp = LearnerModels.Build(solution.BuildMlp, "BuildMlp()");
        var cnn = LearnerModels.Build(solution.BuildCnn, "BuildCnn()");

        var (preparedTrain, preparedTest) = PreparedSplit.Prepare(train, testImages, device);
        using var _train = preparedTrain;
        using var _test = preparedTest;
        var result = new RunCompleted();
        var options = ToOptions(job.Recipe);
        var deadline = new Deadline(time, options.TimeLimit);
        Measure(Models[0], mlp, job.Seed, device, preparedTrain, preparedTest, options, deadline, events, result, cancellationToken);
        Measure(Models[1], cnn, job.Seed + 1, device, preparedTrain, preparedTest, options, deadline, events, result, cancellationToken);
        return result;
    }

    private void Measure(
        string name,
        nn.Module<Tensor, Tensor> model,
        ulong seed,
        Device device,
        PreparedSplit train,
        Tensor testImages,
        TrainingOptions options,
        Deadline deadline,
        IRunnerEvents events,
        RunCompleted result,
        CancellationToken cancellationToken)
    {
        var title = name.ToUpperInvariant();

        // The learner's module tree is learner data: anything odd in it (a cycle, a bad tensor) is theirs.
        result.Measurements[$"{name}.parameters"] = LearnerModels.Invoke(() => ModelInspector.CountParameters(model), $"inspecting the {title}");
        result.Measurements[$"{name}.conv_layers"] = LearnerModels.Invoke(() => ModelInspector.CountConvolutions(model), $"inspecting the {title}");
        LearnerModels.Invoke(() => { ParameterReset.Apply(model, seed); return model.to(device); }, $"initialising the {title}");
        LearnerModels.CheckOutputShape(model, name, device);

        using var generator = new Generator(seed, device: CPU);
        var budget = options with { TimeLimit = deadline.Remaining };
        TrainingReport report;
        try
        {
            report = LearnerModels.Invoke(
                () => new Trainer(time).Train(model, train, testImages, budget, generator, epoch => events.EpochCompleted(ToEvent(name, epoch)), cancellationToken),
                $"training the {title}");
        }
        catch (LearnerCodeException ex) when (ex.InnerException is TrainingTimeLimitException limit)
        {
            throw new LearnerCodeException(LearnerReasons.TimeLimit, $"time limit: the {title} did not finish training within the recipe's {options.TimeLimit.TotalSeconds:0} s ({limit.EpochsDone} epoch(s) done); make it smaller or cheaper", limit);
        }

        result.Measurements[$"{name}.train_accuracy"] = report.TrainAccuracy;
        result.Measurements[$"{name}.seconds"] = report.Elapsed.TotalSeconds;
        result.Measurements[$"{name}.images_per_second"] = report.ImagesPerSecond;
        result.TestPredictions[name] = ByteString.CopyFrom(report.TestPredictions);
    }

    private static ImageDataset LoadTrainingSplit(RunJob job) => job.Dataset.Name switch
    {
        SyntheticImages.Name => ImageDataset.From(SyntheticImages.Generate(
            DatasetSplit.Train, SyntheticImages.CountFor(DatasetSplit.Train, job.Recipe.TrainLimit), job.Seed)),
        Cifar10Binary.DatasetName => Cifar10Binary.Load(job.Dataset.Path, DatasetSplit.Train, job.Recipe.TrainLimit),
        _ => throw new ArgumentException($"unknown dataset '{job.Dataset.Name}'"),
    };

    /// <summary>The host's test images, uint8 [N, 3, 32, 32]; a malformed block is the host's bug, not the learner's.</summary>
    private static Tensor TestImages(RunJob job)
    {
        var images = job.TestImages ?? throw new ArgumentException("the job has no test images");
        if (images.Count <= 0 || images.Pixels.Length != (long)images.Count * ImageFormat.ImageBytes)
            throw new ArgumentException($"the job's test images hold {images.Pixels.Length} bytes, not {images.Count} images of {ImageFormat.ImageBytes}");
        return tensor(images.Pixels.ToByteArray(), [images.Count, ImageFormat.Channels, ImageFormat.Size, ImageFormat.Size], ScalarType.Byte);
    }

    private static TrainingOptions ToOptions(Grader.Contracts.Runner.V1.TrainingRecipe recipe) => new(
        recipe.Optimizer,
        recipe.LearningRate,
        recipe.BatchSize,
        recipe.Epochs,
        TimeSpan.FromSeconds(recipe.TimeLimitSeconds),
        recipe.Momentum,
        recipe.WeightDecay);

    private static EpochCompleted ToEvent(string model, EpochMetrics epoch)
    {
        // Cross-entropy of a healthy model is finite; NaN or infinity means the learner's model blew up.
        if (!double.IsFinite(epoch.TrainLoss))
            throw new LearnerCodeException(LearnerReasons.ModelError, $"the {model.ToUpperInvariant()} diverged in epoch {epoch.Epoch}: its training loss became {epoch.TrainLoss}");
        return new EpochCompleted
        {
            Model = model,
            Epoch = epoch.Epoch,
            Epochs = epoch.Epochs,
            TrainLoss = epoch.TrainLoss,
            TrainAccuracy = epoch.TrainAccuracy,
            Seconds = epoch.Elapsed.TotalSeconds,
            TestPredictions = ByteString.CopyFrom(epoch.TestPredictions),
        };
    }

    /// <summary>One time budget shared by both models, so the recipe's limit bounds the whole run.</summary>
    private sealed class Deadline(TimeProvider time, TimeSpan limit)
    {
        private readonly long _started = time.GetTimestamp();

        public TimeSpan Remaining
        {
            get
            {
                var left = limit - time.GetElapsedTime(_started);
                return left > TimeSpan.Zero ? left : TimeSpan.FromTicks(1);
            }
        }
    }
}
