namespace Grader.Training.Training;

/// <summary>A fixed training recipe: the exercise decides it, never the learner.</summary>
public sealed record TrainingOptions(
    string Optimizer,
    double LearningRate,
    int BatchSize,
    int Epochs,
    TimeSpan TimeLimit,
    double Momentum = 0.9,
    double WeightDecay = 0)
{
    public void Validate()
    {
        if (Optimizer is not ("adam" or "sgd"))
            throw new ArgumentException($"optimizer must be 'adam' or 'sgd', not '{Optimizer}'");
        if (LearningRate is <= 0 or > 10) throw new ArgumentException($"learning rate {LearningRate} is out of range (0, 10]");
        if (BatchSize is < 1 or > 65536) throw new ArgumentException($"batch size {BatchSize} is out of range [1, 65536]");
        if (Epochs is < 1 or > 10000) throw new ArgumentException($"epochs {Epochs} is out of range [1, 10000]");
        if (TimeLimit <= TimeSpan.Zero) throw new ArgumentException("time limit must be positive");
    }
}
