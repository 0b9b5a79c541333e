namespace Grader.Datasets;

/// <summary>
/// The on-disk shape of CIFAR-10's binary distribution. <see cref="Official"/> is the real one;
/// tests use a smaller <see cref="RecordsPerBatch"/> so that generated archives stay tiny while the
/// loader still checks an exact record count rather than accepting any multiple of a record.
/// </summary>
public sealed record Cifar10Layout
{
    /// <summary>Bytes of one image: three 32×32 planes, red then green then blue.</summary>
    public const int ImageBytes = ImageFormat.ImageBytes;

    /// <summary>One label byte followed by the image.</summary>
    public const int RecordBytes = 1 + ImageBytes;

    public const int ClassCount = ImageFormat.Classes;

    public static Cifar10Layout Official { get; } = new();

    /// <summary>Records in each batch file; 10,000 in the real distribution.</summary>
    public int RecordsPerBatch { get; init; } = 10_000;

    /// <summary>The folder the archive unpacks to and the loader looks for.</summary>
    public string DirectoryName { get; init; } = "cifar-10-batches-bin";

    public IReadOnlyList<string> TrainFiles { get; init; } =
        ["data_batch_1.bin", "data_batch_2.bin", "data_batch_3.bin", "data_batch_4.bin", "data_batch_5.bin"];

    public IReadOnlyList<string> TestFiles { get; init; } = ["test_batch.bin"];

    /// <summary>Exact size every batch file must have.</summary>
    public long BatchFileBytes => (long)RecordsPerBatch * RecordBytes;

    public IReadOnlyList<string> FilesOf(DatasetSplit split) => split switch
    {
        DatasetSplit.Train => TrainFiles,
        DatasetSplit.Test => TestFiles,
        _ => throw new ArgumentOutOfRangeException(nameof(split), split, "unknown CIFAR-10 split"),
    };

    /// <summary>
    /// Null when <paramref name="batchesDirectory"/> holds every batch file of both splits at its
    /// exact size; otherwise a one-line description of the first problem found. Cheap: sizes only.
    /// </summary>
    public string? FindProblem(string batchesDirectory)
    {
        foreach (var name in TrainFiles.Concat(TestFiles))
        {
            var file = new FileInfo(Path.Combine(batchesDirectory, name));
            if (!file.Exists)
                return $"CIFAR-10 file missing: {file.FullName}";
            if (file.Length != BatchFileBytes)
                return DescribeWrongSize(file.FullName, file.Length);
        }
        return null;
    }

    internal string DescribeWrongSize(string path, long actualBytes)
    {
        var why = actualBytes % RecordBytes == 0 ? "wrong record count" : "truncated or not CIFAR-10 binary";
        return $"CIFAR-10 file {path} has {actualBytes} bytes, expected {BatchFileBytes} " +
               $"({RecordsPerBatch} records of {RecordBytes} bytes): {why}";
    }
}
