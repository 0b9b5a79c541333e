namespace Grader.Contracts.Runner.V1;

/// <summary>
/// The machine-readable reasons a grader may give in <see cref="RunFailed.Reason"/>: part of the runner
/// protocol, so the runner (which sends them) and the host (which believes no other) share this one list.
/// </summary>
public static class LearnerReasons
{
    /// <summary>No class implements the exercise's interface, or it cannot be constructed.</summary>
    public const string EntryPointMissing = "entry_point_missing";

    /// <summary>More than one class implements the exercise's interface.</summary>
    public const string EntryPointAmbiguous = "entry_point_ambiguous";

    /// <summary>The learner's code threw, returned null, produced the wrong shape or diverged.</summary>
    public const string ModelError = "model_error";

    /// <summary>Training did not finish within the recipe's own time budget.</summary>
    public const string TimeLimit = "time_limit";

    /// <summary>The learner's code ran out of memory (managed heap or libtorch allocations).</summary>
    public const string MemoryLimit = "memory_limit";

    /// <summary>Anything else the learner's code got wrong.</summary>
    public const string LearnerError = "learner_error";

    /// <summary>Every reason above: the host rejects a RunFailed carrying anything else.</summary>
    public static IReadOnlySet<string> All { get; } = new HashSet<string>(StringComparer.Ordinal)
    {
        EntryPointMissing, EntryPointAmbiguous, ModelError, TimeLimit, MemoryLimit, LearnerError,
    };
}
