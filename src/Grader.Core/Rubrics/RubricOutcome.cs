namespace Grader.Core.Rubrics;

/// <summary>The rubric's verdict on one set of measurements.</summary>
/// <param name="ExerciseId">The exercise judged.</param>
/// <param name="ExerciseVersion">The exercise version whose rubric was applied.</param>
/// <param name="Dataset">The dataset whose thresholds were applied.</param>
/// <param name="Criteria">One outcome per criterion, in authored order.</param>
public sealed record RubricOutcome(
    string ExerciseId,
    int ExerciseVersion,
    string Dataset,
    IReadOnlyList<CriterionOutcome> Criteria)
{
    /// <summary>Points earned.</summary>
    public int Score => Criteria.Sum(c => c.Points);

    /// <summary>Points available.</summary>
    public int MaxScore => Criteria.Sum(c => c.MaxPoints);

    /// <summary>Whether every criterion passed.</summary>
    public bool AllPassed => Criteria.All(c => c.Passed);
}
