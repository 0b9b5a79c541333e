namespace Grader.Core.Rubrics;

/// <summary>
/// What a learner reads for a criterion. Either text may contain <c>{measured}</c> and <c>{threshold}</c>,
/// which evaluation replaces with the numbers.
/// </summary>
/// <param name="Pass">Shown when the criterion passes.</param>
/// <param name="Fail">Shown when it fails.</param>
public sealed record CriterionFeedback(string Pass, string Fail)
{
    /// <summary>The placeholders feedback text may use.</summary>
    public static IReadOnlyList<string> Placeholders { get; } = ["measured", "threshold"];
}
