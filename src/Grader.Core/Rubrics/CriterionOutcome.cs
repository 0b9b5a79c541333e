namespace Grader.Core.Rubrics;

/// <summary>How one criterion fared on one set of measurements.</summary>
/// <param name="Id">Criterion id.</param>
/// <param name="Title">Criterion title.</param>
/// <param name="Passed">Whether the comparison held.</param>
/// <param name="Points">Points awarded: <paramref name="MaxPoints"/> when passed, else 0.</param>
/// <param name="MaxPoints">Points the criterion is worth.</param>
/// <param name="Measured">The expression's value; NaN when a measurement was missing.</param>
/// <param name="Comparison">The comparison that had to hold.</param>
/// <param name="Threshold">The threshold for the evaluated dataset.</param>
/// <param name="Feedback">Pass or fail text with placeholders filled, or why it could not be measured.</param>
/// <param name="Visibility">When a learner may see this result.</param>
public sealed record CriterionOutcome(
    string Id,
    string Title,
    bool Passed,
    int Points,
    int MaxPoints,
    double Measured,
    ComparisonOperator Comparison,
    double Threshold,
    string Feedback,
    CriterionVisibility Visibility);
