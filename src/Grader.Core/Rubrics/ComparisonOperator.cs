namespace Grader.Core.Rubrics;

/// <summary>How a measured value must relate to its threshold for a criterion to pass.</summary>
public enum ComparisonOperator
{
    /// <summary><c>&gt;=</c></summary>
    GreaterOrEqual,

    /// <summary><c>&lt;=</c></summary>
    LessOrEqual,

    /// <summary><c>&gt;</c></summary>
    Greater,

    /// <summary><c>&lt;</c></summary>
    Less,

    /// <summary><c>==</c></summary>
    Equal,
}
