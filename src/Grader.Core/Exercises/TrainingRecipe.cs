namespace Grader.Core.Exercises;

/// <summary>
/// The training recipe the grader applies to the learner's models. The exercise owns it, not the learner,
/// so the compared models are trained the same way.
/// </summary>
/// <param name="Optimizer">Optimizer.</param>
/// <param name="LearningRate">Learning rate, greater than 0.</param>
/// <param name="BatchSize">Mini-batch size.</param>
/// <param name="Epochs">Passes over the (limited) training set.</param>
/// <param name="TrainLimit">Use at most this many training images; 0 means all.</param>
/// <param name="TestLimit">Evaluate on at most this many test images; 0 means all.</param>
/// <param name="TimeLimitSeconds">Training time budget.</param>
/// <param name="Momentum">SGD momentum in [0, 1); always 0 for Adam.</param>
/// <param name="WeightDecay">L2 weight decay, 0 for none.</param>
public sealed record TrainingRecipe(
    OptimizerKind Optimizer,
    double LearningRate,
    int BatchSize,
    int Epochs,
    int TrainLimit,
    int TestLimit,
    int TimeLimitSeconds,
    double Momentum,
    double WeightDecay)
{
    /// <summary>The training time budget as a span.</summary>
    public TimeSpan TimeLimit => TimeSpan.FromSeconds(TimeLimitSeconds);
}
