namespace Grader.Core.Submissions;

/// <summary>A submission as stored, with its result once graded.</summary>
/// <param name="Id">Random id; resource name <c>courses/{CourseId}/exercises/{ExerciseId}/submissions/{Id}</c>.</param>
/// <param name="CourseId">The course.</param>
/// <param name="ExerciseId">The exercise.</param>
/// <param name="ExerciseVersion">The exercise file's version that judges it.</param>
/// <param name="LearnerId">Whose submission it is.</param>
/// <param name="State">Current state.</param>
/// <param name="RequestId">The caller's idempotency key, unique per learner; null when none was given.</param>
/// <param name="SourceHash">Lower-case hex SHA-256 over the sources (paths and texts), for reuse of identical submissions.</param>
/// <param name="Profile">Training profile, e.g. <c>quick</c>.</param>
/// <param name="Dataset">Dataset the profile trains on, e.g. <c>synthetic</c>.</param>
/// <param name="Seed">Seed for data, initialisation and shuffling.</param>
/// <param name="CreatedBy">Key id of the caller that created it.</param>
/// <param name="CreatedAt">When it was accepted (UTC).</param>
/// <param name="UpdatedAt">When its state last changed (UTC).</param>
/// <param name="FinishedAt">When it reached a terminal state (UTC); null before.</param>
/// <param name="Attempts">How many times a worker started grading it (more than 1 after a crash or retry).</param>
/// <param name="LastEventSequence">Sequence of its newest event; Watch continues after it.</param>
/// <param name="Result">The verdict; null until SUCCEEDED, FAILED or ERROR.</param>
/// <param name="XpAwarded">XP its grading added to the ledger (0 when none, or not graded yet).</param>
/// <param name="UnlockedAchievements">Ids of the achievements its grading unlocked.</param>
public sealed record Submission(
    string Id,
    string CourseId,
    string ExerciseId,
    int ExerciseVersion,
    string LearnerId,
    SubmissionState State,
    string? RequestId,
    string SourceHash,
    string Profile,
    string Dataset,
    ulong Seed,
    string CreatedBy,
    DateTimeOffset CreatedAt,
    DateTimeOffset UpdatedAt,
    DateTimeOffset? FinishedAt,
    int Attempts,
    long LastEventSequence,
    SubmissionResult? Result,
    int XpAwarded,
    IReadOnlyList<string> UnlockedAchievements);
