namespace Grader.Core.Submissions;

/// <summary>Keyset position: the last row of the previous page (lists are ordered by creation time, then id, newest first).</summary>
/// <param name="CreatedAt">The last row's creation time.</param>
/// <param name="Id">The last row's id.</param>
public sealed record SubmissionCursor(DateTimeOffset CreatedAt, string Id);
