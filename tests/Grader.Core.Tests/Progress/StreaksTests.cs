using Grader.Core.Progress;

namespace Grader.Core.Tests.Progress;

public sealed class StreaksTests
{
    private static readonly DateOnly Today = new(2026, 3, 10);

    [Fact]
    public void Current_ConsecutiveDaysEndingToday_CountsThem() =>
        Assert.Equal(3, Streaks.Current([Today.AddDays(-2), Today.AddDays(-1), Today, Today.AddDays(-5)], Today));

    [Fact]
    public void Current_LastSubmissionYesterday_StillCountsTheRun() =>
        Assert.Equal(2, Streaks.Current([Today.AddDays(-2), Today.AddDays(-1)], Today));

    [Fact]
    public void Current_GapOfADay_IsZero() =>
        Assert.Equal(0, Streaks.Current([Today.AddDays(-2)], Today));
}
