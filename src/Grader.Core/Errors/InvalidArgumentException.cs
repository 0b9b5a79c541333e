namespace Grader.Core.Errors;

/// <summary>The request is malformed; every violation is listed (gRPC INVALID_ARGUMENT + BadRequest).</summary>
public sealed class InvalidArgumentException : GraderException
{
    public InvalidArgumentException()
        : this([])
    {
    }

    public InvalidArgumentException(string message)
        : base("INVALID_ARGUMENT", message)
    {
        Violations = [];
    }

    public InvalidArgumentException(string message, Exception innerException)
        : base(message, innerException)
    {
        Violations = [];
    }

    public InvalidArgumentException(IReadOnlyList<FieldViolation> violations)
        : base("INVALID_ARGUMENT", Describe(violations))
    {
        Violations = violations;
    }

    public InvalidArgumentException(string field, string description)
        : this([new FieldViolation(field, description)])
    {
    }

    /// <summary>Every invalid field, in the order found.</summary>
    public IReadOnlyList<FieldViolation> Violations { get; }

    private static string Describe(IReadOnlyList<FieldViolation> violations) =>
        violations.Count == 0
            ? "The request is invalid."
            : string.Join("; ", violations.Select(v => $"{v.Field}: {v.Description}"));
}
