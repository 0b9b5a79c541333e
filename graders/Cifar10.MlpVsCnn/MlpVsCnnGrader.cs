using System.Reflection;
using Grader.Contracts.Runner.V1;
using Grader.Training.Datasets;
using Grader.Training.Devices;
using Grader.Training.Grading;
using Grader.Training.Inspection;
using Grader.Training.Training;
using TorchSharp;
using static TorchSharp.torch;

namespace Cifar10.MlpVsCnn;

/// <summary>
/// Lesson 01: trains the learner's MLP and CNN with the same recipe on the same data, after
/// re-initialising both with the grader's seed, and measures size, structure and accuracy.
/// The rubric (in the exercise file) decides what passes.
/// </summary>
public sealed class MlpVsCnnGrader(TimeProvider time) : IExerciseGrader
{
    /// <summary>Synthetic split sizes when the recipe does not limit them.</summary>
    private const int DefaultSyntheticTrain = 6000;
    private const int DefaultSyntheticTest = 2000;

    public MlpVsCnnGrader() : this(TimeProvider.System) { }

    public string Id => "cifar10-mlp-vs-cnn";

    public RunCompleted Run(Assembly learner, RunJob job, IRunnerEvents events, CancellationToken cancellationToken)
    {
        ArgumentNullException.ThrowIfNull(job);
        ArgumentNullException.ThrowIfNull(events);
        var device = DeviceChooser.Choose(job.AllowCuda);
        var solution = LearnerModels.FindSolution(learner);
        var mlp = LearnerModels.Build(solution.BuildMlp, "BuildMlp()");
        var cnn = LearnerModels.Build(solution.BuildCnn, "BuildCnn()");

        var (train, test) = LoadData(job);
        using var _train = train;
        using var _test = test;
        events.Started(new Started { Device = device.type.ToString().ToLowerInvariant(), Dataset = train.Name, TrainExamples = train.Count, TestExamples = test.Count });

        var prepared = PreparedSplit.Prepare(train, test, device);
        using var preparedTrain = prepared.Train;
        using var preparedTest = prepared.Test;
        var result = new RunCompleted();
        var options = ToOptions(job.Recipe);
        var deadline = new Deadline(time, options.TimeLimit);
        Measure("mlp", mlp, job.Seed, device, preparedTrain, preparedTest, options, deadline, events, result, cancellationToken);
        Measure("cnn", cnn, job.Seed + 1, device, preparedTrain, preparedTest, options, deadline, events, result, cancellationToken);
        return result;
    }

    private void Measure(
        string name,
        nn.Module<Tensor, Tensor> model,
        ulong seed,
        Device device,
        PreparedSplit train,
        PreparedSplit test,
        TrainingOptions options,
        Deadline deadline,
        IRunnerEvents events,
        RunCompleted result,
        CancellationToken cancellationToken)
    {
        result.Measurements[$"{name}.parameters"] = ModelInspector.CountParameters(model);
        result.Measurements[$"{name}.conv_layers"] = ModelInspector.CountConvolutions(model);
        ParameterReset.Apply(model, seed);
        model.to(device);
        LearnerModels.CheckOutputShape(model, name, device);

        using var generator = new Generator(seed, device: CPU);
        var budget = options with { TimeLimit = deadline.Remaining };
        TrainingReport report;
        try
        {
            report = LearnerModels.Invoke(
                () => new Trainer(time).Train(model, train, test, budget, generator, epoch => events.EpochCompleted(ToEvent(name, epoch)), cancellationToken),
                $"training the {name.ToUpperInvariant()}");
        }
        catch (LearnerCodeException ex) when (ex.InnerException is TrainingTimeLimitException limit)
        {
            throw new LearnerCodeException("time_limit", $"time limit: the {name.ToUpperInvariant()} did not finish training within the recipe's {options.TimeLimit.TotalSeconds:0} s ({limit.EpochsDone} epoch(s) done); make it smaller or cheaper", limit);
        }

        result.Measurements[$"{name}.test_accuracy"] = report.TestAccuracy;
        result.Measurements[$"{name}.train_accuracy"] = report.TrainAccuracy;
        result.Measurements[$"{name}.seconds"] = report.Elapsed.TotalSeconds;
        result.Measurements[$"{name}.images_per_second"] = report.ImagesPerSecond;
        AddCurve(result, $"{name}.train_loss", report.Epochs.Select(e => e.TrainLoss));
        AddCurve(result, $"{name}.train_accuracy", report.Epochs.Select(e => e.TrainAccuracy));
        AddCurve(result, $"{name}.test_accuracy", report.Epochs.Select(e => e.TestAccuracy));
    }

    private static (ImageDataset Train, ImageDataset Test) LoadData(RunJob job) => job.Dataset.Name switch
    {
        SyntheticImages.Name => SyntheticImages.Create(
            job.Recipe.TrainLimit > 0 ? job.Recipe.TrainLimit : DefaultSyntheticTrain,
            job.Recipe.TestLimit > 0 ? job.Recipe.TestLimit : DefaultSyntheticTest,
            job.Seed),
        "cifar10" => (Cifar10Binary.Load(job.Dataset.Path, Cifar10Split.Train, job.Recipe.TrainLimit),
                      Cifar10Binary.Load(job.Dataset.Path, Cifar10Split.Test, job.Recipe.TestLimit)),
        _ => throw new ArgumentException($"unknown dataset '{job.Dataset.Name}'"),
    };

    private static TrainingOptions ToOptions(TrainingRecipe recipe) => new(
        recipe.Optimizer,
        recipe.LearningRate,
        recipe.BatchSize,
        recipe.Epochs,
        TimeSpan.FromSeconds(recipe.TimeLimitSeconds),
        recipe.Momentum,
        recipe.WeightDecay);

    private static EpochCompleted ToEvent(string model, EpochMetrics epoch) => new()
    {
        Model = model,
        Epoch = epoch.Epoch,
        Epochs = epoch.Epochs,
        TrainLoss = epoch.TrainLoss,
        TrainAccuracy = epoch.TrainAccuracy,
        TestAccuracy = epoch.TestAccuracy,
        Seconds = epoch.Elapsed.TotalSeconds,
    };

    private static void AddCurve(RunCompleted result, string name, IEnumerable<double> values)
    {
        var curve = new Curve { Name = name };
        curve.Values.AddRange(values);
        result.Curves.Add(curve);
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
