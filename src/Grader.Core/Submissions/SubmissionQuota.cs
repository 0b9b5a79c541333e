using Grader.Core.Exercises;

namespace Grader.Core.Submissions;

/// <summary>The submission limits as a pure rule over the times of earlier counted submissions.</summary>
public static class SubmissionQuota
{
    /// <summary>
    /// Null when a submission at <paramref name="now"/> is allowed; otherwise the limit that refuses it. When both
    /// refuse, the one that lasts longer is reported, so retrying after <see cref="QuotaRefusal.RetryAfter"/> succeeds.
    /// </summary>
    /// <param name="limits">The exercise's limits.</param>
    /// <param name="times">Creation times of the learner's counted submissions to the exercise (any order; older ones are ignored).</param>
    /// <param name="now">The current time.</param>
    public static QuotaRefusal? Check(SubmissionLimits limits, IReadOnlyCollection<DateTimeOffset> times, DateTimeOffset now)
    {
        ArgumentNullException.ThrowIfNull(limits);
        ArgumentNullException.ThrowIfNull(times);
        QuotaRefusal? refusal = null;
        var inWindow = times.Where(t => t > now - limits.Window).Order().ToList();
        if (limits.Count > 0 && inWindow.Count >= limits.Count)
        {
            // The window frees a slot when the oldest submission that keeps it full slides out.
            var freesAt = inWindow[inWindow.Count - limits.Count] + limits.Window;
            refusal = new QuotaRefusal($"at most {limits.Count} submissions per {Describe(limits.Window)}", freesAt - now);
        }

        if (limits.Cooldown > TimeSpan.Zero && times.Count > 0)
        {
            var latest = times.Max();
            var wait = latest + limits.Cooldown - now;
            if (wait > TimeSpan.Zero && (refusal is null || wait > refusal.RetryAfter))
            {
                refusal = new QuotaRefusal($"wait {Describe(limits.Cooldown)} between submissions", wait);
            }
        }

        return refusal;
    }

    private static string Describe(TimeSpan span) =>
        span.TotalHours >= 1 && span.TotalHours == Math.Floor(span.TotalHours) ? $"{span.TotalHours:0}h"
        : span.TotalMinutes >= 1 && span.TotalMinutes == Math.Floor(span.TotalMinutes) ? $"{span.TotalMinutes:0}m"
        : $"{span.TotalSeconds:0}s";
}
