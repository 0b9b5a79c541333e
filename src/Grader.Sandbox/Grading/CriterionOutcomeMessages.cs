using Grader.Contracts.V1;
using Grader.Core.Rubrics;

namespace Grader.Sandbox.Grading;

/// <summary>The one mapping of a judged criterion to its API message, shared by grading and the service.</summary>
public static class CriterionOutcomeMessages
{
    public static CriterionResult ToMessage(this CriterionOutcome outcome)
    {
        ArgumentNullException.ThrowIfNull(outcome);
        return new CriterionResult
        {
            Id = outcome.Id,
            Title = outcome.Title,
            Passed = outcome.Passed,
            Points = outcome.Points,
            MaxPoints = outcome.MaxPoints,
            Measured = outcome.Measured,
            Comparison = outcome.Comparison.ToSymbol(),
            Threshold = outcome.Threshold,
            Feedback = outcome.Feedback,
        };
    }
}
