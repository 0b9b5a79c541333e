using Grader.Core.Submissions;

namespace Grader.Core.Tests.Submissions;

public sealed class SubmissionFilterParserTests
{
    [Fact]
    public void TryParse_ConjunctionOfTerms_ReturnsEachCondition()
    {
        Assert.True(SubmissionFilterParser.TryParse("state = succeeded AND learner != \"bo\" AND create_time >= \"2026-01-31T12:00:00Z\"", out var conditions, out _));

        Assert.Equal(
            [(FilterField.State, FilterOperator.Equal, "SUCCEEDED"), (FilterField.Learner, FilterOperator.NotEqual, "bo"), (FilterField.CreateTime, FilterOperator.GreaterOrEqual, "2026-01-31T12:00:00Z")],
            conditions.Select(c => (c.Field, c.Operator, c.Text)));
        Assert.Equal(new DateTimeOffset(2026, 1, 31, 12, 0, 0, TimeSpan.Zero), conditions[2].Time);
    }

    [Theory]
    [InlineData("colour = red", "unknown field 'colour'")]
    [InlineData("state = SLEEPING", "'SLEEPING' is not a state")]
    [InlineData("learner > ada", "learner supports only = and !=")]
    [InlineData("create_time > yesterday", "RFC 3339")]
    [InlineData("state = QUEUED OR state = FAILED", "is not a 'field op value' term")]
    public void TryParse_BadFilter_SaysWhatIsWrong(string filter, string expected)
    {
        Assert.False(SubmissionFilterParser.TryParse(filter, out _, out var error));
        Assert.Contains(expected, error, StringComparison.Ordinal);
    }
}
