using System.Globalization;
using Grader.Datasets;

namespace Grader.Training.Datasets;

/// <summary>
/// Where to fetch CIFAR-10 from and what the archive must be. The source has no default on purpose:
/// the host comes from configuration, never from code.
/// </summary>
public sealed record Cifar10DownloadOptions
{
    public const string ArchiveFileName = "cifar-10-binary.tar.gz";

    /// <summary>Absolute http(s) address of <c>cifar-10-binary.tar.gz</c>.</summary>
    public required Uri Source { get; init; }

    /// <summary>Folder that receives the archive and the unpacked <c>cifar-10-batches-bin</c>.</summary>
    public required string Destination { get; init; }

    /// <summary>Lower-case hex MD5 of the archive, as published with the dataset.</summary>
    public string ExpectedMd5 { get; init; } = "c32a1d4ab5d03f1284b67883e8d87530";

    public long ExpectedSize { get; init; } = 170_052_171;

    /// <summary>Cap on the bytes unpacked from the archive (the real one unpacks to about 185 MB).</summary>
    public long MaxExtractedBytes { get; init; } = 256L * 1024 * 1024;

    /// <summary>Cap on the number of archive entries (the real one has 9).</summary>
    public int MaxEntries { get; init; } = 1_000;

    /// <summary>Requests made, each resuming where the last broke off, before giving up.</summary>
    public int MaxAttempts { get; init; } = 3;

    /// <summary>What the unpacked files must look like; checked after unpacking and for idempotency.</summary>
    public Cifar10Layout Layout { get; init; } = Cifar10Layout.Official;

    public string ArchivePath => Path.Combine(Destination, ArchiveFileName);

    public string PartialPath => ArchivePath + ".partial";

    public string BatchesDirectory => Path.Combine(Destination, Layout.DirectoryName);

    /// <summary>Throws <see cref="ArgumentException"/> naming the first invalid setting.</summary>
    public void Validate()
    {
        if (Source is null || !Source.IsAbsoluteUri || (Source.Scheme != Uri.UriSchemeHttp && Source.Scheme != Uri.UriSchemeHttps))
            throw new ArgumentException($"Source must be an absolute http or https address, got '{Source}'", nameof(Source));
        if (string.IsNullOrWhiteSpace(Destination))
            throw new ArgumentException("Destination must name a folder", nameof(Destination));
        if (ExpectedMd5 is not { Length: 32 } || !ExpectedMd5.All(char.IsAsciiHexDigit))
            throw new ArgumentException($"ExpectedMd5 must be 32 hex digits, got '{ExpectedMd5}'", nameof(ExpectedMd5));
        if (ExpectedSize <= 0)
            throw new ArgumentException(string.Create(CultureInfo.InvariantCulture, $"ExpectedSize must be positive, got {ExpectedSize}"), nameof(ExpectedSize));
        if (MaxExtractedBytes <= 0 || MaxEntries <= 0 || MaxAttempts <= 0)
            throw new ArgumentException("MaxExtractedBytes, MaxEntries and MaxAttempts must be positive");
        ArgumentNullException.ThrowIfNull(Layout);
    }
}
