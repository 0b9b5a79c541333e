namespace Grader.Datasets;

/// <summary>
/// A dataset file on disk is missing or is not in the expected format (truncated, wrong size, bad
/// label). The message names the file and says what was expected, so an operator can fix it.
/// </summary>
public sealed class DatasetFormatException : Exception
{
    public DatasetFormatException() : this("the dataset files are not in the expected format") { }

    public DatasetFormatException(string message) : base(message) { }

    public DatasetFormatException(string message, Exception inner) : base(message, inner) { }
}
