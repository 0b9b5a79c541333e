using Grader.Core.Rubrics;

namespace Grader.Core.Tests.Rubrics;

public sealed class MeasurementExpressionTests
{
    private static readonly Dictionary<string, double> Sample = new()
    {
        ["mlp.parameters"] = 100_000,
        ["cnn.parameters"] = 80_000,
        ["mlp.test_accuracy"] = 0.35,
        ["cnn.test_accuracy"] = 0.5,
    };

    [Theory]
    [InlineData("max(mlp.parameters, cnn.parameters) / min(mlp.parameters, cnn.parameters)", 1.25)]
    [InlineData("MAX(mlp.parameters, cnn.parameters) / Min(mlp.parameters, cnn.parameters)", 1.25)]
    [InlineData("cnn.test_accuracy - mlp.test_accuracy", 0.15)]
    [InlineData("abs(mlp.test_accuracy - cnn.test_accuracy)", 0.15)]
    [InlineData("[cnn.test_accuracy] * 100", 50)]
    [InlineData("mlp.parameters / 1e3 + .5", 100.5)]
    [InlineData("sqrt(cnn.test_accuracy * 2)", 1)]
    [InlineData("pow(cnn.test_accuracy, 2)", 0.25)]
    [InlineData("floor(mlp.test_accuracy * 10) + Ceiling(mlp.test_accuracy * 10)", 7)]
    [InlineData("round(mlp.test_accuracy * 10, 0)", 4)]
    public void TryEvaluate_DottedNamesAndFunctions_ComputesValue(string source, double expected)
    {
        var expression = MeasurementExpression.Parse(source);

        Assert.True(expression.TryEvaluate(Sample, out var value, out var error), error);
        Assert.Equal(expected, value, 1e-12);
    }

    [Fact]
    public void Parse_DottedNames_BracketsThemForNCalcAndListsMeasurements()
    {
        var expression = MeasurementExpression.Parse("max(mlp.parameters, cnn.parameters) / min(mlp.parameters, cnn.parameters)");

        Assert.Equal("max([mlp.parameters], [cnn.parameters]) / min([mlp.parameters], [cnn.parameters])", expression.NCalcText);
        Assert.Equal(["mlp.parameters", "cnn.parameters"], expression.Measurements);
    }

    [Fact]
    public void TryEvaluate_MissingMeasurement_FailsWithNamedMeasurement()
    {
        var expression = MeasurementExpression.Parse("cnn.test_accuracy - mlp.train_accuracy");

        Assert.False(expression.TryEvaluate(Sample, out var value, out var error));
        Assert.True(double.IsNaN(value));
        Assert.Equal("measurement mlp.train_accuracy missing", error);
    }

    [Fact]
    public void TryEvaluate_SeveralMissing_NamesAll()
    {
        var expression = MeasurementExpression.Parse("a.x + b.y");

        Assert.False(expression.TryEvaluate(Sample, out _, out var error));
        Assert.Equal("measurements a.x, b.y missing", error);
    }

    [Fact]
    public void TryEvaluate_DivisionByZero_GivesInfinityNotError()
    {
        var expression = MeasurementExpression.Parse("mlp.parameters / cnn.parameters");
        var zero = new Dictionary<string, double> { ["mlp.parameters"] = 5, ["cnn.parameters"] = 0 };

        Assert.True(expression.TryEvaluate(zero, out var value, out _));
        Assert.True(double.IsPositiveInfinity(value));
    }

    [Fact]
    public void Parse_InvalidExpression_ThrowsFormatExceptionWithReason()
    {
        var ex = Assert.Throws<FormatException>(() => MeasurementExpression.Parse("exp(mlp.parameters)"));

        Assert.StartsWith("uses unknown function(s) exp", ex.Message, StringComparison.Ordinal);
    }
}
