namespace Grader.Core.Submissions;

/// <summary>What <see cref="ISubmissionStore.ListAsync"/> reads: rows of a course matching every condition, newest first, after a cursor.</summary>
/// <param name="CourseId">The course.</param>
/// <param name="ExerciseId">Only this exercise, when set.</param>
/// <param name="LearnerId">Only this learner, when set.</param>
/// <param name="Conditions">Parsed filter terms, all of which must hold.</param>
/// <param name="After">Start after this row; null for the first page.</param>
/// <param name="Limit">At most this many rows.</param>
public sealed record SubmissionListing(
    string CourseId,
    string? ExerciseId,
    string? LearnerId,
    IReadOnlyList<FilterCondition> Conditions,
    SubmissionCursor? After,
    int Limit);
