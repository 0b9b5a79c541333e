namespace Grader.Core.Submissions;

/// <summary>What <see cref="ISubmissionStore.InsertAsync"/> writes in one transaction: the submission row in QUEUED, its sources, the exercise version it is judged by, and event 1.</summary>
/// <param name="Submission">The row (state QUEUED, <see cref="Submission.LastEventSequence"/> 1).</param>
/// <param name="Sources">Its files.</param>
/// <param name="ExerciseTitle">The exercise's title, recorded in the exercises table.</param>
/// <param name="ExerciseContentHash">SHA-256 of the exercise file's text, recorded with (exercise id, version).</param>
/// <param name="QueuedEvent">Event 1 (state QUEUED).</param>
public sealed record NewSubmission(
    Submission Submission,
    IReadOnlyList<SubmissionSource> Sources,
    string ExerciseTitle,
    string ExerciseContentHash,
    SubmissionEvent QueuedEvent);
