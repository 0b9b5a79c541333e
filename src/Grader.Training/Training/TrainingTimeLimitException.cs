namespace Grader.Training.Training;

/// <summary>Training did not finish within the recipe's time limit.</summary>
public sealed class TrainingTimeLimitException : Exception
{
    public TrainingTimeLimitException(TimeSpan limit, int epochsDone)
        : base($"training exceeded the time limit of {limit.TotalSeconds:0.#} s after {epochsDone} complete epoch(s)")
    {
        Limit = limit;
        EpochsDone = epochsDone;
    }

    public TrainingTimeLimitException() : this(TimeSpan.Zero, 0) { }

    public TrainingTimeLimitException(string message) : base(message) { }

    public TrainingTimeLimitException(string message, Exception inner) : base(message, inner) { }

    public TimeSpan Limit { get; }
    public int EpochsDone { get; }
}
