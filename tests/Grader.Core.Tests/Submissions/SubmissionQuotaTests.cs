using Grader.Core.Exercises;
using Grader.Core.Submissions;

namespace Grader.Core.Tests.Submissions;

public sealed class SubmissionQuotaTests
{
    private static readonly DateTimeOffset Now = new(2026, 3, 2, 12, 0, 0, TimeSpan.Zero);
    private static readonly SubmissionLimits Limits = new(3, TimeSpan.FromHours(1), TimeSpan.FromSeconds(30));

    [Fact]
    public void Check_NoEarlierSubmissions_Allows() => Assert.Null(SubmissionQuota.Check(Limits, [], Now));

    [Fact]
    public void Check_WithinCooldown_RefusesUntilItEnds()
    {
        var refusal = SubmissionQuota.Check(Limits, [Now.AddSeconds(-10)], Now);

        Assert.Equal(TimeSpan.FromSeconds(20), refusal!.RetryAfter);
        Assert.Contains("30s", refusal.Description, StringComparison.Ordinal);
    }

    [Fact]
    public void Check_WindowFull_RefusesUntilTheOldestSlidesOut()
    {
        var refusal = SubmissionQuota.Check(Limits, [Now.AddMinutes(-50), Now.AddMinutes(-20), Now.AddMinutes(-5)], Now);

        Assert.Equal(TimeSpan.FromMinutes(10), refusal!.RetryAfter);
        Assert.Contains("3 submissions per 1h", refusal.Description, StringComparison.Ordinal);
    }

    [Fact]
    public void Check_OldSubmissionsOutsideTheWindow_Allows() =>
        Assert.Null(SubmissionQuota.Check(Limits, [Now.AddHours(-3), Now.AddHours(-2), Now.AddMinutes(-61)], Now));
}
