namespace Grader.Core.Progress;

/// <summary>Streaks: runs of consecutive UTC days with at least one submission.</summary>
public static class Streaks
{
    /// <summary>
    /// The run of consecutive days ending at <paramref name="today"/>, or at the day before (a streak is not lost
    /// until a whole day passes without a submission); 0 when neither day has one.
    /// </summary>
    public static int Current(IEnumerable<DateOnly> days, DateOnly today)
    {
        ArgumentNullException.ThrowIfNull(days);
        var set = days.ToHashSet();
        var end = set.Contains(today) ? today : today.AddDays(-1);
        var length = 0;
        while (set.Contains(end.AddDays(-length)))
        {
            length++;
        }

        return length;
    }
}
