namespace Grader.Training.Datasets;

/// <summary>Why fetching a dataset failed; lets callers and tests tell the cases apart without parsing text.</summary>
public enum DatasetDownloadFailure
{
    /// <summary>The server answered with a status other than 200 or 206.</summary>
    HttpStatus,

    /// <summary>The transfer broke off (or timed out) on every attempt; the partial file is kept for a resume.</summary>
    Interrupted,

    /// <summary>The downloaded (or announced) size differs from the expected size.</summary>
    SizeMismatch,

    /// <summary>The MD5 of the downloaded archive differs from the expected one.</summary>
    ChecksumMismatch,

    /// <summary>The archive holds an entry that would escape the destination, a link or device, or too much data.</summary>
    UnsafeArchive,

    /// <summary>The archive is not a readable tar.gz or lacks the expected files.</summary>
    InvalidArchive,
}
