namespace Grader.Training.Datasets;

/// <summary>
/// Fetching a dataset failed. The message is one line meant for an operator (expected versus actual,
/// the HTTP status, the offending archive entry); <see cref="Failure"/> says which case it was.
/// </summary>
public sealed class DatasetDownloadException : Exception
{
    public DatasetDownloadException(DatasetDownloadFailure failure, string message, Exception? inner = null)
        : base(message, inner) => Failure = failure;

    public DatasetDownloadException() : this(DatasetDownloadFailure.Interrupted, "the dataset download failed") { }

    public DatasetDownloadException(string message) : this(DatasetDownloadFailure.Interrupted, message) { }

    public DatasetDownloadException(string message, Exception inner) : this(DatasetDownloadFailure.Interrupted, message, inner) { }

    public DatasetDownloadFailure Failure { get; }
}
