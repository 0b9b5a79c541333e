namespace Grader.Core.Exercises;

/// <summary>An exercise file (or a set of them) is invalid; <see cref="Problems"/> lists every problem found.</summary>
public sealed class ExerciseFormatException : Exception
{
    public ExerciseFormatException()
        : this(null, [])
    {
    }

    public ExerciseFormatException(string message)
        : base(message)
    {
        Problems = [message];
    }

    public ExerciseFormatException(string message, Exception innerException)
        : base(message, innerException)
    {
        Problems = [message];
    }

    public ExerciseFormatException(string? source, IReadOnlyList<string> problems)
        : base(Describe(source, problems))
    {
        FilePath = source;
        Problems = problems;
    }

    /// <summary>Each problem, usually as <c>field.path: what is wrong (line L, column C)</c>.</summary>
    public IReadOnlyList<string> Problems { get; }

    /// <summary>The file the problems were found in, when known.</summary>
    public string? FilePath { get; }

    private static string Describe(string? source, IReadOnlyList<string> problems)
    {
        ArgumentNullException.ThrowIfNull(problems);
        var what = source is null ? "Exercise file" : $"Exercise file '{source}'";
        var count = problems.Count == 1 ? "1 problem" : $"{problems.Count} problems";
        return $"{what} has {count}:{string.Concat(problems.Select(p => $"{Environment.NewLine}  - {p}"))}";
    }
}
