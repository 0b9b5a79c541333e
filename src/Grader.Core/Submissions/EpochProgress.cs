namespace Grader.Core.Submissions;

/// <summary>One finished training epoch of one model.</summary>
/// <param name="Model">e.g. <c>mlp</c> or <c>cnn</c>.</param>
/// <param name="Epoch">1-based epoch.</param>
/// <param name="Epochs">Epochs in the recipe.</param>
/// <param name="TrainLoss">Mean training loss.</param>
/// <param name="TrainAccuracy">Training accuracy (0..1).</param>
/// <param name="TestAccuracy">Test accuracy (0..1).</param>
public sealed record EpochProgress(string Model, int Epoch, int Epochs, double TrainLoss, double TrainAccuracy, double TestAccuracy);
