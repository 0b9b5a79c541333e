namespace Grader.Core.Rubrics;

/// <summary>One rubric line: compare <see cref="Expression"/> (over measurements) with a threshold.</summary>
/// <param name="Id">Kebab-case id, unique within the exercise.</param>
/// <param name="Title">Short human title.</param>
/// <param name="Kind">What kind of check this is.</param>
/// <param name="Expression">The measured quantity, e.g. <c>cnn.test_accuracy - mlp.test_accuracy</c>.</param>
/// <param name="Comparison">How the measured value must relate to the threshold to pass.</param>
/// <param name="Threshold">The threshold, possibly per dataset.</param>
/// <param name="Points">Points awarded when the criterion passes.</param>
/// <param name="Feedback">Texts shown on pass and on fail.</param>
/// <param name="Visibility">When a learner may see this criterion's result.</param>
public sealed record CriterionDefinition(
    string Id,
    string Title,
    CriterionKind Kind,
    MeasurementExpression Expression,
    ComparisonOperator Comparison,
    CriterionThreshold Threshold,
    int Points,
    CriterionFeedback Feedback,
    CriterionVisibility Visibility);
