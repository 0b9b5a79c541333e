using Grader.Core.Rubrics;

namespace Grader.Core.Tests.Rubrics;

public sealed class ComparisonOperatorTests
{
    [Theory]
    [InlineData(ComparisonOperator.GreaterOrEqual, 0.2, 0.1, true)]
    [InlineData(ComparisonOperator.GreaterOrEqual, 0.1, 0.1, true)]
    [InlineData(ComparisonOperator.GreaterOrEqual, 0.05, 0.1, false)]
    [InlineData(ComparisonOperator.LessOrEqual, 1.25, 1.25, true)]
    [InlineData(ComparisonOperator.LessOrEqual, 1.3, 1.25, false)]
    [InlineData(ComparisonOperator.Greater, 0.1, 0.1, false)]
    [InlineData(ComparisonOperator.Greater, 0.11, 0.1, true)]
    [InlineData(ComparisonOperator.Less, 0.1, 0.1, false)]
    [InlineData(ComparisonOperator.Less, 0.09, 0.1, true)]
    [InlineData(ComparisonOperator.Equal, 0, 0, true)]
    [InlineData(ComparisonOperator.Equal, 1, 0, false)]
    [InlineData(ComparisonOperator.GreaterOrEqual, double.NaN, 0, false)]
    [InlineData(ComparisonOperator.LessOrEqual, double.PositiveInfinity, 1.25, false)]
    public void Holds_Values_FollowsOperator(ComparisonOperator comparison, double measured, double threshold, bool expected)
    {
        Assert.Equal(expected, comparison.Holds(measured, threshold));
    }

    [Fact]
    public void Holds_RoundingNoiseAtThreshold_CountsAsEqual()
    {
        var gap = 0.3 - 0.2;

        Assert.True(gap < 0.1);
        Assert.True(ComparisonOperator.GreaterOrEqual.Holds(gap, 0.1));
        Assert.False(ComparisonOperator.Greater.Holds(gap, 0.1));
        Assert.True(ComparisonOperator.Equal.Holds(0.1 + 0.2, 0.3));
    }

    [Theory]
    [InlineData(">=", ComparisonOperator.GreaterOrEqual)]
    [InlineData("<=", ComparisonOperator.LessOrEqual)]
    [InlineData(">", ComparisonOperator.Greater)]
    [InlineData("<", ComparisonOperator.Less)]
    [InlineData("==", ComparisonOperator.Equal)]
    public void ToSymbol_EachOperator_RoundTripsThroughSymbols(string symbol, ComparisonOperator comparison)
    {
        Assert.Equal(symbol, comparison.ToSymbol());
        Assert.Equal(comparison, ComparisonOperatorExtensions.Symbols[symbol]);
    }
}
