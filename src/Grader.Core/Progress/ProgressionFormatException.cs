namespace Grader.Core.Progress;

/// <summary>The progression file is invalid; <see cref="Problems"/> lists every problem found.</summary>
public sealed class ProgressionFormatException : Exception
{
    public ProgressionFormatException()
        : this(null, [])
    {
    }

    public ProgressionFormatException(string message)
        : base(message)
    {
        Problems = [message];
    }

    public ProgressionFormatException(string message, Exception innerException)
        : base(message, innerException)
    {
        Problems = [message];
    }

    public ProgressionFormatException(string? source, IReadOnlyList<string> problems)
        : base($"{source ?? "progression"} is invalid: {string.Join("; ", problems)}")
    {
        Problems = problems;
    }

    /// <summary>Each problem as <c>field.path: what is wrong (line L, column C)</c>.</summary>
    public IReadOnlyList<string> Problems { get; }
}
