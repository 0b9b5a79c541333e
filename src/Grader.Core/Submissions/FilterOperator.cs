namespace Grader.Core.Submissions;

/// <summary>A comparison in a submission list filter.</summary>
public enum FilterOperator
{
    /// <summary><c>=</c></summary>
    Equal,

    /// <summary><c>!=</c></summary>
    NotEqual,

    /// <summary><c>&lt;</c> (create_time only)</summary>
    Less,

    /// <summary><c>&lt;=</c> (create_time only)</summary>
    LessOrEqual,

    /// <summary><c>&gt;</c> (create_time only)</summary>
    Greater,

    /// <summary><c>&gt;=</c> (create_time only)</summary>
    GreaterOrEqual,
}
