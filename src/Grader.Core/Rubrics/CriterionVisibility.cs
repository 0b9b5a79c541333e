namespace Grader.Core.Rubrics;

/// <summary>When a learner may see a criterion's result.</summary>
public enum CriterionVisibility
{
    /// <summary>Always (<c>visible</c>).</summary>
    Visible,

    /// <summary>Only once the exercise's due date has passed (<c>after_due</c>).</summary>
    AfterDue,

    /// <summary>Never to learners; instructors only (<c>hidden</c>).</summary>
    Hidden,
}
