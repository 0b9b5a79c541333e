namespace Grader.Core.Rubrics;

/// <summary>Symbols and semantics of <see cref="ComparisonOperator"/>.</summary>
public static class ComparisonOperatorExtensions
{
    // Measurements are ratios and differences of doubles: 0.3 - 0.2 is 0.09999999999999998, which must
    // still meet a 0.10 threshold. Values this close (relative to their size) count as equal.
    private const double RelativeTolerance = 1e-9;

    private static readonly Dictionary<string, ComparisonOperator> BySymbol = new(StringComparer.Ordinal)
    {
        [">="] = ComparisonOperator.GreaterOrEqual,
        ["<="] = ComparisonOperator.LessOrEqual,
        [">"] = ComparisonOperator.Greater,
        ["<"] = ComparisonOperator.Less,
        ["=="] = ComparisonOperator.Equal,
    };

    /// <summary>The operators by their symbol as written in exercise files.</summary>
    public static IReadOnlyDictionary<string, ComparisonOperator> Symbols => BySymbol;

    /// <summary>The symbol as written in exercise files, e.g. <c>&gt;=</c>.</summary>
    public static string ToSymbol(this ComparisonOperator comparison) => comparison switch
    {
        ComparisonOperator.GreaterOrEqual => ">=",
        ComparisonOperator.LessOrEqual => "<=",
        ComparisonOperator.Greater => ">",
        ComparisonOperator.Less => "<",
        ComparisonOperator.Equal => "==",
        _ => throw new ArgumentOutOfRangeException(nameof(comparison), comparison, "Unknown comparison."),
    };

    /// <summary>
    /// Whether <paramref name="measured"/> relates to <paramref name="threshold"/> as required. NaN never passes;
    /// values within a relative 1e-9 of each other are treated as equal.
    /// </summary>
    public static bool Holds(this ComparisonOperator comparison, double measured, double threshold)
    {
        if (double.IsNaN(measured) || double.IsNaN(threshold))
        {
            return false;
        }

        var tolerance = double.IsFinite(measured) && double.IsFinite(threshold)
            ? RelativeTolerance * Math.Max(1.0, Math.Max(Math.Abs(measured), Math.Abs(threshold)))
            : 0.0;
        return comparison switch
        {
            ComparisonOperator.GreaterOrEqual => measured >= threshold - tolerance,
            ComparisonOperator.LessOrEqual => measured <= threshold + tolerance,
            ComparisonOperator.Greater => measured > threshold + tolerance,
            ComparisonOperator.Less => measured < threshold - tolerance,
            ComparisonOperator.Equal => measured == threshold || Math.Abs(measured - threshold) <= tolerance,
            _ => throw new ArgumentOutOfRangeException(nameof(comparison), comparison, "Unknown comparison."),
        };
    }
}
