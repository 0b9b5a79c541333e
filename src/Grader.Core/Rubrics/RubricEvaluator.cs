using Grader.Core.Exercises;

namespace Grader.Core.Rubrics;

/// <summary>
/// Judges measurements against an exercise's rubric. A pure, deterministic function of
/// (exercise version, dataset, measurements), so stored measurements can be regraded without retraining.
/// </summary>
public static class RubricEvaluator
{
    /// <summary>
    /// Evaluates every criterion of <paramref name="exercise"/> on <paramref name="measurements"/> with the
    /// thresholds for <paramref name="dataset"/>. A missing measurement fails its criterion (feedback
    /// <c>measurement NAME missing</c>); it does not throw.
    /// </summary>
    /// <exception cref="ArgumentException">A criterion has no threshold for <paramref name="dataset"/>.</exception>
    public static RubricOutcome Evaluate(
        ExerciseDefinition exercise,
        string dataset,
        IReadOnlyDictionary<string, double> measurements)
    {
        ArgumentNullException.ThrowIfNull(exercise);
        ArgumentNullException.ThrowIfNull(dataset);
        ArgumentNullException.ThrowIfNull(measurements);

        // Resolve every threshold first: an unsupported dataset is the caller's mistake and must not
        // produce a half-graded result.
        var thresholds = new double[exercise.Criteria.Count];
        for (var i = 0; i < thresholds.Length; i++)
        {
            var criterion = exercise.Criteria[i];
            if (!criterion.Threshold.TryGetFor(dataset, out thresholds[i]))
            {
                throw new ArgumentException(
                    $"Exercise '{exercise.Id}' v{exercise.Version} cannot be graded on dataset '{dataset}': " +
                    $"criterion '{criterion.Id}' has thresholds only for {string.Join(", ", criterion.Threshold.PerDataset.Keys)}.",
                    nameof(dataset));
            }
        }

        var outcomes = new CriterionOutcome[thresholds.Length];
        for (var i = 0; i < outcomes.Length; i++)
        {
            outcomes[i] = Judge(exercise.Criteria[i], thresholds[i], measurements);
        }

        return new RubricOutcome(exercise.Id, exercise.Version, dataset, outcomes);
    }

    private static CriterionOutcome Judge(
        CriterionDefinition criterion, double threshold, IReadOnlyDictionary<string, double> measurements)
    {
        bool passed;
        double measured;
        string feedback;
        if (criterion.Expression.TryEvaluate(measurements, out measured, out var error))
        {
            passed = criterion.Comparison.Holds(measured, threshold);
            feedback = Fill(passed ? criterion.Feedback.Pass : criterion.Feedback.Fail, measured, threshold);
        }
        else
        {
            passed = false;
            measured = double.NaN;
            feedback = error;
        }

        return new CriterionOutcome(
            criterion.Id,
            criterion.Title,
            passed,
            passed ? criterion.Points : 0,
            criterion.Points,
            measured,
            criterion.Comparison,
            threshold,
            feedback,
            criterion.Visibility);
    }

    private static string Fill(string text, double measured, double threshold) => text
        .Replace("{measured}", MeasurementFormat.Format(measured), StringComparison.Ordinal)
        .Replace("{threshold}", MeasurementFormat.Format(threshold), StringComparison.Ordinal);
}
