using System.Formats.Tar;
using System.IO.Compression;
using System.Text;

namespace Grader.Training.Datasets;

/// <summary>
/// Unpacks a .tar.gz into a folder while refusing anything that could reach outside it: entries
/// whose normalised path leaves the folder or is absolute, links, devices and FIFOs, and archives
/// that unpack to more bytes or entries than allowed. Throws <see cref="DatasetDownloadException"/>
/// (<see cref="DatasetDownloadFailure.UnsafeArchive"/>) naming the entry.
/// </summary>
internal static class SafeTarExtractor
{
    private const int BufferBytes = 1 << 16;

    public static async Task ExtractAsync(string archivePath, string root, long maxBytes, int maxEntries, CancellationToken cancellationToken)
    {
        var rootFull = Path.TrimEndingDirectorySeparator(Path.GetFullPath(root));
        var rootPrefix = rootFull + Path.DirectorySeparatorChar;
        long total = 0;
        var entries = 0;

        await using var file = new FileStream(archivePath, FileMode.Open, FileAccess.Read, FileShare.Read, BufferBytes, useAsync: true);
        await using var gzip = new GZipStream(file, CompressionMode.Decompress);
        await using var tar = new TarReader(gzip);
        while (await tar.GetNextEntryAsync(copyData: false, cancellationToken).ConfigureAwait(false) is { } entry)
        {
            if (++entries > maxEntries)
                throw Unsafe($"archive has more than {maxEntries} entries");
            // Global pax headers carry metadata for later entries and name nothing on disk.
            if (entry.EntryType == TarEntryType.GlobalExtendedAttributes)
                continue;

            var target = TargetPath(rootFull, rootPrefix, entry.Name);
            switch (entry.EntryType)
            {
                case TarEntryType.Directory:
                    if (target is not null)
                        Directory.CreateDirectory(target);
                    break;
                case TarEntryType.RegularFile or TarEntryType.V7RegularFile or TarEntryType.ContiguousFile:
                    if (target is null)
                        throw Unsafe($"archive entry '{Printable(entry.Name)}' is a file at the destination's own path");
                    total += entry.Length;
                    if (total > maxBytes)
                        throw Unsafe($"archive unpacks to more than {maxBytes} bytes (at entry '{Printable(entry.Name)}')");
                    Directory.CreateDirectory(Path.GetDirectoryName(target)!);
                    await using (var output = new FileStream(target, FileMode.Create, FileAccess.Write, FileShare.None, BufferBytes, useAsync: true))
                    {
                        if (entry.DataStream is { } data)
                            await data.CopyToAsync(output, cancellationToken).ConfigureAwait(false);
                    }
                    break;
                default:
                    throw Unsafe($"archive entry '{Printable(entry.Name)}' is a {entry.EntryType}; only files and folders are unpacked");
            }
        }
    }

    /// <summary>The full path of an entry inside the root, or null for the root itself.</summary>
    private static string? TargetPath(string rootFull, string rootPrefix, string name)
    {
        if (string.IsNullOrEmpty(name) || name.Contains('\0', StringComparison.Ordinal))
            throw Unsafe($"archive entry '{Printable(name)}' has an empty or invalid name");
        if (Path.IsPathRooted(name) || name.StartsWith('\\'))
            throw Unsafe($"archive entry '{Printable(name)}' has an absolute path");
        var full = Path.GetFullPath(Path.Combine(rootPrefix, name));
        if (string.Equals(Path.TrimEndingDirectorySeparator(full), rootFull, StringComparison.Ordinal))
            return null;
        if (!full.StartsWith(rootPrefix, StringComparison.Ordinal))
            throw Unsafe($"archive entry '{Printable(name)}' would be written outside the destination (path traversal)");
        return full;
    }

    /// <summary>Keeps the error message on one line whatever bytes the entry name holds.</summary>
    private static string Printable(string name)
    {
        var text = new StringBuilder(name.Length);
        foreach (var c in name.Length > 200 ? name[..200] + "…" : name)
            text.Append(char.IsControl(c) ? '?' : c);
        return text.ToString();
    }

    private static DatasetDownloadException Unsafe(string message) => new(DatasetDownloadFailure.UnsafeArchive, message);
}
