using Grader.Core.Rubrics;

namespace Grader.Core.Progress;

/// <summary>
/// <c>measurement: EXPR, comparison, threshold</c> — an expression over this result's measurements compares
/// with the threshold (e.g. parameter ratio ≤ 1.05). A missing measurement never meets it; with
/// <paramref name="RequiresPass"/> the result must also pass, so a sabotaged run cannot earn it.
/// </summary>
public sealed record MeasurementCriterion(MeasurementExpression Expression, ComparisonOperator Comparison, double Threshold, bool RequiresPass)
    : AchievementCriterion
{
    public override bool IsMet(AchievementContext context)
    {
        ArgumentNullException.ThrowIfNull(context);
        if (RequiresPass && !context.Passed)
        {
            return false;
        }

        return Expression.TryEvaluate(context.Result.Measurements, out var value, out _)
            && double.IsFinite(value)
            && Comparison.Holds(value, Threshold);
    }
}
