namespace Grader.Training.Datasets;

/// <summary>How far a download has got. <see cref="TotalBytes"/> is null when the size is unknown.</summary>
public readonly record struct DownloadProgress(long BytesDone, long? TotalBytes)
{
    /// <summary>Between 0 and 1, or null when the total is unknown.</summary>
    public double? Fraction => TotalBytes is > 0 and var total ? Math.Min(1.0, (double)BytesDone / total) : null;
}
