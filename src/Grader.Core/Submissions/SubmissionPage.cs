namespace Grader.Core.Submissions;

/// <summary>One page of submissions, newest first.</summary>
/// <param name="Submissions">The page.</param>
/// <param name="NextPageToken">Token for the next page; empty on the last page.</param>
public sealed record SubmissionPage(IReadOnlyList<Submission> Submissions, string NextPageToken);
