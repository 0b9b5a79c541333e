namespace Grader.Core.Submissions;

/// <summary>A page request for <see cref="SubmissionService.ListAsync"/>.</summary>
/// <param name="CourseId">The course (required).</param>
/// <param name="ExerciseId">Only this exercise; null or "-" for every exercise (AIP-159 wildcard).</param>
/// <param name="LearnerId">Only this learner; null for every learner the caller may see (a learner key: itself).</param>
/// <param name="Filter">
/// AIP-160 subset: conjunctions (<c>AND</c>) of <c>field = value</c> / <c>field != value</c> where field is
/// <c>state</c> (e.g. <c>SUCCEEDED</c>), <c>learner</c>, <c>exercise</c> or <c>profile</c>, and
/// <c>create_time &gt; "RFC3339"</c> / <c>&lt;</c> / <c>&gt;=</c> / <c>&lt;=</c>. Empty: no filter.
/// </param>
/// <param name="PageSize">1–100; 0 means the default (20).</param>
/// <param name="PageToken">Empty for the first page, else a token from the previous page of the same query.</param>
public sealed record SubmissionQuery(
    string CourseId,
    string? ExerciseId = null,
    string? LearnerId = null,
    string Filter = "",
    int PageSize = 0,
    string PageToken = "");
