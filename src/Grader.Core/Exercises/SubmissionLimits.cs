namespace Grader.Core.Exercises;

/// <summary>How often a learner may submit: at most <paramref name="Count"/> per <paramref name="Window"/>, and not within <paramref name="Cooldown"/> of the previous one.</summary>
/// <param name="Count">Submissions allowed per window.</param>
/// <param name="Window">Length of the sliding window.</param>
/// <param name="Cooldown">Minimum gap between two submissions.</param>
public sealed record SubmissionLimits(int Count, TimeSpan Window, TimeSpan Cooldown);
