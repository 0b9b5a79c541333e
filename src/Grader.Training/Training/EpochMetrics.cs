namespace Grader.Training.Training;

/// <summary>What one epoch achieved; accuracies are fractions in [0, 1].</summary>
public sealed record EpochMetrics(int Epoch, int Epochs, double TrainLoss, double TrainAccuracy, double TestAccuracy, TimeSpan Elapsed);
