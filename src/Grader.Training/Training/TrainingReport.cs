namespace Grader.Training.Training;

/// <summary>The outcome of a completed training run.</summary>
public sealed record TrainingReport(IReadOnlyList<EpochMetrics> Epochs, TimeSpan Elapsed, long ImagesSeen)
{
    public double TrainAccuracy => Epochs[^1].TrainAccuracy;

    /// <summary>The final model's predicted class for every test image.</summary>
    public byte[] TestPredictions => Epochs[^1].TestPredictions;

    public double ImagesPerSecond => ImagesSeen / Math.Max(Elapsed.TotalSeconds, 1e-9);
}
