using Grader.Core.Progress;

namespace Grader.Core.Submissions;

/// <summary>What a graded submission earns; written by the store in the same transaction as the result.</summary>
/// <param name="Grade">The learner's new grade on the exercise; null when unchanged.</param>
/// <param name="Xp">Ledger entries (each with a unique key, so a repeat inserts nothing).</param>
/// <param name="Achievements">Ids of achievements unlocked (unique per learner, so a repeat inserts nothing).</param>
public sealed record AwardDecision(ExerciseGrade? Grade, IReadOnlyList<XpAward> Xp, IReadOnlyList<string> Achievements)
{
    /// <summary>Nothing earned: ERROR results and cancelled work.</summary>
    public static AwardDecision None { get; } = new(null, [], []);
}
