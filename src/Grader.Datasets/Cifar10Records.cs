namespace Grader.Datasets;

/// <summary>
/// Reads CIFAR-10's binary distribution: each batch file is a run of records, one label byte then 3,072 pixel
/// bytes (red, green and blue 32×32 planes). A split becomes one pixel block and one label column; the record
/// layout already matches <see cref="ImageFormat"/>, so pixels are copied in blocks.
/// </summary>
public static class Cifar10Records
{
    public const string DatasetName = "cifar10";

    /// <summary>
    /// The folder holding the batch files: <paramref name="directory"/>'s <c>cifar-10-batches-bin</c> when it has
    /// one, else <paramref name="directory"/> itself.
    /// </summary>
    public static string BatchesDirectory(string directory, Cifar10Layout? layout = null)
    {
        ArgumentException.ThrowIfNullOrWhiteSpace(directory);
        var nested = Path.Combine(directory, (layout ?? Cifar10Layout.Official).DirectoryName);
        return Directory.Exists(nested) ? nested : directory;
    }

    /// <summary>The full paths of <paramref name="split"/>'s batch files under <paramref name="directory"/>.</summary>
    public static IReadOnlyList<string> FilesOf(string directory, DatasetSplit split, Cifar10Layout? layout = null)
    {
        layout ??= Cifar10Layout.Official;
        var batches = BatchesDirectory(directory, layout);
        return layout.FilesOf(split).Select(name => Path.Combine(batches, name)).ToArray();
    }

    /// <summary>
    /// Reads <paramref name="split"/> from <paramref name="directory"/>, which may be the
    /// <c>cifar-10-batches-bin</c> folder itself or the folder that contains it.
    /// </summary>
    /// <param name="limit">When positive, only the first <paramref name="limit"/> records (across the batch files,
    /// in order) are read.</param>
    /// <param name="layout">The expected layout; <see cref="Cifar10Layout.Official"/> when null.</param>
    /// <exception cref="DatasetFormatException">A file is missing, has the wrong size, or holds a label outside 0..9.</exception>
    public static LabelledImages Read(string directory, DatasetSplit split, int limit = 0, Cifar10Layout? layout = null)
    {
        ArgumentException.ThrowIfNullOrWhiteSpace(directory);
        ArgumentOutOfRangeException.ThrowIfNegative(limit);
        layout ??= Cifar10Layout.Official;
        var files = FilesOf(directory, split, layout);

        // Check every file of the split up front (sizes only): a broken download should fail the same way
        // whatever the limit, instead of only once a long run reaches the bad batch.
        foreach (var path in files)
            CheckSize(path, layout);

        var total = (long)files.Count * layout.RecordsPerBatch;
        var count = (int)(limit > 0 ? Math.Min(limit, total) : total);
        var pixels = new byte[(long)count * Cifar10Layout.ImageBytes];
        var labels = new byte[count];

        // One buffer reused across files: a batch is read in a single call, then split into the label column
        // and the pixel block.
        var buffer = new byte[(int)Math.Min(layout.BatchFileBytes, (long)count * Cifar10Layout.RecordBytes)];
        var done = 0;
        foreach (var path in files)
        {
            if (done == count)
                break;
            var records = Math.Min(layout.RecordsPerBatch, count - done);
            var bytes = buffer.AsSpan(0, records * Cifar10Layout.RecordBytes);
            ReadExactly(path, bytes);
            for (var r = 0; r < records; r++)
            {
                var record = bytes.Slice(r * Cifar10Layout.RecordBytes, Cifar10Layout.RecordBytes);
                if (record[0] >= Cifar10Layout.ClassCount)
                    throw new DatasetFormatException(
                        $"CIFAR-10 file {path} record {r}: label {record[0]} is outside 0..{Cifar10Layout.ClassCount - 1}");
                labels[done + r] = record[0];
                record[1..].CopyTo(pixels.AsSpan((done + r) * Cifar10Layout.ImageBytes, Cifar10Layout.ImageBytes));
            }

            done += records;
        }

        return new LabelledImages(DatasetName, pixels, labels);
    }

    private static void CheckSize(string path, Cifar10Layout layout)
    {
        var file = new FileInfo(path);
        if (!file.Exists)
            throw new DatasetFormatException(
                $"CIFAR-10 file missing: {file.FullName} (give the {layout.DirectoryName} folder or its parent)");
        if (file.Length != layout.BatchFileBytes)
            throw new DatasetFormatException(layout.DescribeWrongSize(file.FullName, file.Length));
    }

    private static void ReadExactly(string path, Span<byte> destination)
    {
        try
        {
            using var handle = File.OpenHandle(path, FileMode.Open, FileAccess.Read, FileShare.Read, FileOptions.SequentialScan);
            var read = 0;
            while (read < destination.Length)
            {
                var n = RandomAccess.Read(handle, destination[read..], read);
                if (n == 0)
                    throw new DatasetFormatException(
                        $"CIFAR-10 file {path} ended after {read} bytes while {destination.Length} were expected");
                read += n;
            }
        }
        catch (IOException e)
        {
            throw new DatasetFormatException($"CIFAR-10 file {path} could not be read: {e.Message}", e);
        }
    }
}
