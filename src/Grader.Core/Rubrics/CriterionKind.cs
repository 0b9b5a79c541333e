namespace Grader.Core.Rubrics;

/// <summary>The kind of a criterion; only measurement checks exist so far.</summary>
public enum CriterionKind
{
    /// <summary>An expression over measurements compared with a threshold (<c>measure</c>).</summary>
    Measure,
}
