namespace Grader.Core.Submissions;

/// <summary>What <see cref="SubmissionService.CreateAsync"/> returns.</summary>
/// <param name="Submission">The new submission, or the existing one that was reused.</param>
/// <param name="Reused">
/// True when nothing new was created: the learner's <c>request_id</c> was seen before, or the same sources were
/// already submitted for this exercise version and profile (and did not end in ERROR or CANCELLED).
/// </param>
public sealed record CreateSubmissionResult(Submission Submission, bool Reused);
