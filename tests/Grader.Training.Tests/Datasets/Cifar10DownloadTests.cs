using System.Formats.Tar;
using System.Net;
using Grader.Datasets;
using Grader.Training.Datasets;

namespace Grader.Training.Tests.Datasets;

public sealed class Cifar10DownloadTests : IDisposable
{
    private readonly TempDirectory _temp = new();
    private readonly HttpClient _http = new() { Timeout = TimeSpan.FromSeconds(10) };
    private readonly IReadOnlyDictionary<string, byte[]> _batches = Cifar10TestData.Batches();
    private byte[] _archive;
    private readonly ArchiveServer _server;

    public Cifar10DownloadTests()
    {
        _archive = Cifar10TestData.Archive(_batches);
        _server = new ArchiveServer(_archive);
    }

    private string Destination => _temp.Combine("data");

    public void Dispose()
    {
        _server.Dispose();
        _http.Dispose();
        _temp.Dispose();
    }

    [Fact]
    public async Task FetchAsync_GoodArchive_VerifiesUnpacksAndLoads()
    {
        var progress = new RecordingProgress();

        var result = await Fetcher().FetchAsync(progress);

        Assert.False(result.AlreadyPresent);
        Assert.Equal(Path.Combine(Destination, "cifar-10-batches-bin"), result.BatchesDirectory);
        Assert.Equal(_archive, await File.ReadAllBytesAsync(result.ArchivePath));
        Assert.Equal(["cifar-10-batches-bin", "cifar-10-binary.tar.gz"], Entries(Destination));
        Assert.Equal(new DownloadProgress(_archive.Length, _archive.Length), progress.Reports[^1]);
        using var data = Cifar10Binary.Load(Destination, DatasetSplit.Test, layout: Cifar10TestData.Layout);
        Assert.Equal(_batches["test_batch.bin"].Chunk(Cifar10Layout.RecordBytes).SelectMany(r => r[1..]).ToArray(), data.Images.data<byte>().ToArray());
    }

    [Fact]
    public async Task FetchAsync_DataAlreadyThere_DoesNothing()
    {
        await Fetcher().FetchAsync();
        var requests = _server.Requests.Count;

        var second = await Fetcher().FetchAsync();

        Assert.True(second.AlreadyPresent);
        Assert.Equal(requests, _server.Requests.Count);
    }

    [Fact]
    public async Task FetchAsync_ArchiveKeptButDataDeleted_UnpacksAgainWithoutDownloading()
    {
        var first = await Fetcher().FetchAsync();
        Directory.Delete(first.BatchesDirectory, recursive: true);

        var second = await Fetcher().FetchAsync();

        Assert.False(second.AlreadyPresent);
        Assert.Single(_server.Requests);
        Assert.Null(Cifar10TestData.Layout.FindProblem(second.BatchesDirectory));
    }

    [Fact]
    public async Task FetchAsync_ResponseCutOff_ResumesWithRangeRequest()
    {
        _server.TruncateNext = 1;

        var result = await Fetcher().FetchAsync();

        Assert.Equal(_archive, await File.ReadAllBytesAsync(result.ArchivePath));
        var requests = _server.Requests.ToArray();
        Assert.Equal(2, requests.Length);
        Assert.Null(requests[0]);
        Assert.Matches("^bytes=[1-9][0-9]*-$", requests[1]);
    }

    [Fact]
    public async Task FetchAsync_CutOffWithOneAttempt_KeepsPartialAndNextFetchResumes()
    {
        _server.TruncateNext = 1;
        var options = Options() with { MaxAttempts = 1 };

        var error = await Assert.ThrowsAsync<DatasetDownloadException>(() => Fetcher(options).FetchAsync());

        Assert.Equal(DatasetDownloadFailure.Interrupted, error.Failure);
        var kept = new FileInfo(options.PartialPath).Length;
        Assert.InRange(kept, 1, _archive.Length - 1);
        Assert.Contains($"with {kept} of {_archive.Length} bytes", error.Message, StringComparison.Ordinal);

        await Fetcher(options).FetchAsync();

        Assert.Equal($"bytes={kept}-", _server.Requests.ToArray()[^1]);
        Assert.Equal(_archive, await File.ReadAllBytesAsync(options.ArchivePath));
    }

    [Fact]
    public async Task FetchAsync_ServerIgnoresRange_RestartsFromZero()
    {
        _server.IgnoreRange = true;
        Directory.CreateDirectory(Destination);
        // A stale partial whose bytes are wrong: appending to it would fail the checksum.
        await File.WriteAllBytesAsync(Options().PartialPath, new byte[_archive.Length / 3]);

        var result = await Fetcher().FetchAsync();

        Assert.Equal($"bytes={_archive.Length / 3}-", Assert.Single(_server.Requests));
        Assert.Equal(_archive, await File.ReadAllBytesAsync(result.ArchivePath));
    }

    [Fact]
    public async Task FetchAsync_CorruptedBytes_ChecksumMismatchLeavesNothing()
    {
        var corrupted = _archive.ToArray();
        corrupted[corrupted.Length / 2] ^= 0xFF;
        _server.Content = corrupted;

        var error = await Assert.ThrowsAsync<DatasetDownloadException>(() => Fetcher().FetchAsync());

        Assert.Equal(DatasetDownloadFailure.ChecksumMismatch, error.Failure);
        Assert.Contains($"expected md5 {Cifar10TestData.Md5(_archive)}, got {Cifar10TestData.Md5(corrupted)}", error.Message, StringComparison.Ordinal);
        Assert.Empty(Entries(Destination));
    }

    [Fact]
    public async Task FetchAsync_ServerSendsOtherSize_SizeMismatchLeavesNothing()
    {
        _server.Content = [.. _archive, 0];

        var error = await Assert.ThrowsAsync<DatasetDownloadException>(() => Fetcher().FetchAsync());

        Assert.Equal(DatasetDownloadFailure.SizeMismatch, error.Failure);
        Assert.Contains($"announces {_archive.Length + 1} bytes", error.Message, StringComparison.Ordinal);
        Assert.Contains($"expected {_archive.Length}", error.Message, StringComparison.Ordinal);
        Assert.Empty(Entries(Destination));
    }

    [Fact]
    public async Task FetchAsync_NotFound_ReportsHttpStatus()
    {
        _server.FailWith = HttpStatusCode.NotFound;

        var error = await Assert.ThrowsAsync<DatasetDownloadException>(() => Fetcher().FetchAsync());

        Assert.Equal(DatasetDownloadFailure.HttpStatus, error.Failure);
        Assert.Equal($"GET {_server.Url} answered 404 Not Found", error.Message);
    }

    [Theory]
    [InlineData("../evil")]
    [InlineData("cifar-10-batches-bin/../../evil")]
    [InlineData("/tmp/grader-cifar-evil")]
    public async Task FetchAsync_EntryEscapingDestination_RejectedAndNothingWritten(string entryName)
    {
        ServeArchiveWith(Cifar10TestData.FileEntry(entryName, "owned"u8.ToArray()));

        var error = await Assert.ThrowsAsync<DatasetDownloadException>(() => Fetcher().FetchAsync());

        Assert.Equal(DatasetDownloadFailure.UnsafeArchive, error.Failure);
        Assert.Contains($"'{entryName}'", error.Message, StringComparison.Ordinal);
        Assert.False(File.Exists("/tmp/grader-cifar-evil"));
        Assert.Empty(Directory.EnumerateFiles(_temp.Path, "evil", SearchOption.AllDirectories));
        // Only the verified archive stays: no unpacked data, no staging folder.
        Assert.Equal(["cifar-10-binary.tar.gz"], Entries(Destination));
    }

    [Theory]
    [InlineData(TarEntryType.SymbolicLink)]
    [InlineData(TarEntryType.HardLink)]
    public async Task FetchAsync_LinkEntry_RejectedAsUnsafe(TarEntryType type)
    {
        ServeArchiveWith(new PaxTarEntry(type, "cifar-10-batches-bin/link") { LinkName = "/etc/passwd" });

        var error = await Assert.ThrowsAsync<DatasetDownloadException>(() => Fetcher().FetchAsync());

        Assert.Equal(DatasetDownloadFailure.UnsafeArchive, error.Failure);
        Assert.Contains($"'cifar-10-batches-bin/link' is a {type}", error.Message, StringComparison.Ordinal);
        Assert.Equal(["cifar-10-binary.tar.gz"], Entries(Destination));
    }

    [Fact]
    public async Task FetchAsync_UnpacksPastCap_RejectedAsUnsafe()
    {
        var options = Options() with { MaxExtractedBytes = 100_000 };

        var error = await Assert.ThrowsAsync<DatasetDownloadException>(() => Fetcher(options).FetchAsync());

        Assert.Equal(DatasetDownloadFailure.UnsafeArchive, error.Failure);
        Assert.Contains("more than 100000 bytes", error.Message, StringComparison.Ordinal);
        Assert.Equal(["cifar-10-binary.tar.gz"], Entries(Destination));
    }

    [Fact]
    public async Task FetchAsync_ArchiveLacksBatch_InvalidArchive()
    {
        var incomplete = _batches.Where(b => b.Key != "data_batch_4.bin").ToDictionary();
        ServeArchive(Cifar10TestData.Archive(incomplete));

        var error = await Assert.ThrowsAsync<DatasetDownloadException>(() => Fetcher().FetchAsync());

        Assert.Equal(DatasetDownloadFailure.InvalidArchive, error.Failure);
        Assert.Contains("data_batch_4.bin", error.Message, StringComparison.Ordinal);
        Assert.Equal(["cifar-10-binary.tar.gz"], Entries(Destination));
    }

    [Fact]
    public async Task FetchAsync_CallerCancels_ThrowsOperationCanceled()
    {
        using var cancelled = new CancellationTokenSource();
        await cancelled.CancelAsync();

        await Assert.ThrowsAnyAsync<OperationCanceledException>(() => Fetcher().FetchAsync(cancellationToken: cancelled.Token));
    }

    [Fact]
    public void Constructor_RelativeSource_ThrowsArgumentException()
    {
        var options = Options() with { Source = new Uri("cifar.tar.gz", UriKind.Relative) };

        var error = Assert.Throws<ArgumentException>(() => new Cifar10Download(_http, options));

        Assert.Contains("absolute http or https", error.Message, StringComparison.Ordinal);
    }

    private Cifar10DownloadOptions Options() => new()
    {
        Source = _server.Url,
        Destination = Destination,
        ExpectedMd5 = Cifar10TestData.Md5(_archive),
        ExpectedSize = _archive.Length,
        Layout = Cifar10TestData.Layout,
    };

    private Cifar10Download Fetcher(Cifar10DownloadOptions? options = null) => new(_http, options ?? Options());

    /// <summary>Serves <paramref name="archive"/> and makes the test's options expect it, so only unpacking can fail.</summary>
    private void ServeArchive(byte[] archive)
    {
        _archive = archive;
        _server.Content = archive;
    }

    private void ServeArchiveWith(TarEntry extra) => ServeArchive(Cifar10TestData.Archive(_batches, extra));

    private static string[] Entries(string folder) =>
        Directory.Exists(folder) ? Directory.EnumerateFileSystemEntries(folder).Select(p => Path.GetFileName(p)).Order(StringComparer.Ordinal).ToArray() : [];
}
