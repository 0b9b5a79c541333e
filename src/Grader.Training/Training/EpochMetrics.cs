namespace Grader.Training.Training;

/// <summary>
/// What one epoch achieved. Accuracies are fractions in [0, 1]; <paramref name="TestPredictions"/> holds the
/// predicted class of every test image (the trainer never sees test labels: whoever holds them scores these).
/// </summary>
public sealed record EpochMetrics(int Epoch, int Epochs, double TrainLoss, double TrainAccuracy, byte[] TestPredictions, TimeSpan Elapsed);
