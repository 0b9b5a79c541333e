namespace Grader.Core.Submissions;

/// <summary>Why a submission is refused by its limits, and when one will be accepted.</summary>
/// <param name="Description">Which limit, e.g. "at most 10 submissions per 1h".</param>
/// <param name="RetryAfter">Time until a submission will be accepted (positive).</param>
public sealed record QuotaRefusal(string Description, TimeSpan RetryAfter);
