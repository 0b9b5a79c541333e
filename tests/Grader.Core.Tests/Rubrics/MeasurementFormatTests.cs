using Grader.Core.Rubrics;

namespace Grader.Core.Tests.Rubrics;

public sealed class MeasurementFormatTests
{
    [Theory]
    [InlineData(0.421337, "0.4213")]
    [InlineData(0.09999999999999998, "0.1")]
    [InlineData(1.1131, "1.113")]
    [InlineData(0, "0")]
    [InlineData(2, "2")]
    [InlineData(123.456, "123.5")]
    [InlineData(98762, "98762")]
    [InlineData(1234567.8, "1234568")]
    [InlineData(-0.05, "-0.05")]
    [InlineData(0.00012346, "0.0001235")]
    [InlineData(double.NaN, "NaN")]
    [InlineData(double.PositiveInfinity, "infinity")]
    public void Format_Value_UsesAtMostFourSignificantDigits(double value, string expected)
    {
        Assert.Equal(expected, MeasurementFormat.Format(value));
    }
}
