using System.Formats.Tar;
using System.IO.Compression;
using System.Security.Cryptography;
using Grader.Datasets;
using Grader.Training.Datasets;

namespace Grader.Training.Tests.Datasets;

/// <summary>
/// Generates CIFAR-10 binary batches and archives in the real format but with few records per
/// batch, so tests exercise the exact byte layout in milliseconds.
/// </summary>
internal static class Cifar10TestData
{
    public static Cifar10Layout Layout { get; } = new() { RecordsPerBatch = 20 };

    /// <summary>One batch file: labels cycle through the classes, pixels are seeded noise.</summary>
    public static byte[] Batch(int records, int seed)
    {
        var bytes = new byte[records * Cifar10Layout.RecordBytes];
        new Random(seed).NextBytes(bytes);
        for (var r = 0; r < records; r++)
            bytes[r * Cifar10Layout.RecordBytes] = (byte)((r + seed) % Cifar10Layout.ClassCount);
        return bytes;
    }

    /// <summary>Every batch file of <see cref="Layout"/>, by file name.</summary>
    public static IReadOnlyDictionary<string, byte[]> Batches()
    {
        var files = Layout.TrainFiles.Concat(Layout.TestFiles).ToArray();
        return files.Select((name, i) => (name, bytes: Batch(Layout.RecordsPerBatch, seed: i + 1)))
            .ToDictionary(f => f.name, f => f.bytes);
    }

    public static string WriteBatches(string parent, IReadOnlyDictionary<string, byte[]> batches)
    {
        var folder = Path.Combine(parent, Layout.DirectoryName);
        Directory.CreateDirectory(folder);
        foreach (var (name, bytes) in batches)
            File.WriteAllBytes(Path.Combine(folder, name), bytes);
        return folder;
    }

    /// <summary>A tar.gz shaped like the real download, plus any <paramref name="extra"/> entries after it.</summary>
    public static byte[] Archive(IReadOnlyDictionary<string, byte[]> batches, params TarEntry[] extra)
    {
        using var output = new MemoryStream();
        using (var gzip = new GZipStream(output, CompressionLevel.Fastest, leaveOpen: true))
        using (var tar = new TarWriter(gzip, TarEntryFormat.Pax))
        {
            tar.WriteEntry(new PaxTarEntry(TarEntryType.Directory, Layout.DirectoryName + "/"));
            tar.WriteEntry(FileEntry(Layout.DirectoryName + "/batches.meta.txt", "airplane\nautomobile\n"u8.ToArray()));
            foreach (var (name, bytes) in batches)
                tar.WriteEntry(FileEntry($"{Layout.DirectoryName}/{name}", bytes));
            foreach (var entry in extra)
                tar.WriteEntry(entry);
        }
        return output.ToArray();
    }

    public static PaxTarEntry FileEntry(string name, byte[] content) =>
        new(TarEntryType.RegularFile, name) { DataStream = new MemoryStream(content) };

    // The dataset publishes an MD5, so tests compute the same digest the fetcher checks.
#pragma warning disable CA5351
    public static string Md5(byte[] bytes) => Convert.ToHexStringLower(MD5.HashData(bytes));
#pragma warning restore CA5351
}
