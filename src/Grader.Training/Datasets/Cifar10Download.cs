using System.Net;
using System.Net.Http.Headers;
using System.Security.Cryptography;
using Grader.Datasets;

namespace Grader.Training.Datasets;

/// <summary>
/// Fetches <c>cifar-10-binary.tar.gz</c>: downloads it to a <c>.partial</c> file (resuming with an
/// HTTP Range request when one is left from an earlier try), checks its size and MD5, renames it only
/// once verified, and unpacks it safely through a staging folder so a failure leaves no half-written
/// data. A second fetch with the data already in place does nothing.
/// </summary>
public sealed class Cifar10Download
{
    private const int BufferBytes = 1 << 16;

    private readonly HttpClient _http;
    private readonly Cifar10DownloadOptions _options;

    /// <param name="http">Used for the download; the caller owns it (and its timeout and handler).</param>
    public Cifar10Download(HttpClient http, Cifar10DownloadOptions options)
    {
        ArgumentNullException.ThrowIfNull(http);
        ArgumentNullException.ThrowIfNull(options);
        options.Validate();
        _http = http;
        _options = options;
    }

    /// <summary>Makes sure the verified data lies under the destination; returns where.</summary>
    /// <exception cref="DatasetDownloadException">The download, verification or unpacking failed.</exception>
    public async Task<Cifar10FetchResult> FetchAsync(IProgress<DownloadProgress>? progress = null, CancellationToken cancellationToken = default)
    {
        var o = _options;
        // The unpacked files are what callers need; if they are complete the archive is not even required.
        if (o.Layout.FindProblem(o.BatchesDirectory) is null)
            return new Cifar10FetchResult(o.BatchesDirectory, o.ArchivePath, AlreadyPresent: true);

        Directory.CreateDirectory(o.Destination);
        if (!VerifiedArchiveExists())
            await DownloadAndVerifyAsync(progress, cancellationToken).ConfigureAwait(false);
        await ExtractAsync(cancellationToken).ConfigureAwait(false);
        return new Cifar10FetchResult(o.BatchesDirectory, o.ArchivePath, AlreadyPresent: false);
    }

    /// <summary>
    /// The final archive name is only ever given to a file whose MD5 matched, so a file under that name
    /// with the right size is trusted without hashing it again.
    /// </summary>
    private bool VerifiedArchiveExists()
    {
        var archive = new FileInfo(_options.ArchivePath);
        if (!archive.Exists)
            return false;
        if (archive.Length == _options.ExpectedSize)
            return true;
        archive.Delete();
        return false;
    }

    private async Task DownloadAndVerifyAsync(IProgress<DownloadProgress>? progress, CancellationToken cancellationToken)
    {
        var o = _options;
        try
        {
            for (var attempt = 1; ; attempt++)
            {
                try
                {
                    await DownloadOnceAsync(progress, cancellationToken).ConfigureAwait(false);
                    break;
                }
                catch (Exception e) when (IsTransient(e, cancellationToken))
                {
                    if (attempt >= o.MaxAttempts)
                    {
                        var have = File.Exists(o.PartialPath) ? new FileInfo(o.PartialPath).Length : 0;
                        throw new DatasetDownloadException(DatasetDownloadFailure.Interrupted,
                            $"download of {o.Source} broke off after {attempt} attempt(s) with {have} of {o.ExpectedSize} bytes; " +
                            $"run the fetch again to resume ({e.Message})", e);
                    }
                }
            }
            await VerifyChecksumAsync(cancellationToken).ConfigureAwait(false);
        }
        catch (DatasetDownloadException e) when (e.Failure is DatasetDownloadFailure.SizeMismatch or DatasetDownloadFailure.ChecksumMismatch)
        {
            // Resuming a file that is known to be wrong would only make it wrong again.
            File.Delete(o.PartialPath);
            throw;
        }
    }

    /// <summary>Broken connections and the client's own timeout are worth a resumed retry; the caller's cancellation is not.</summary>
    private static bool IsTransient(Exception e, CancellationToken cancellationToken) => e switch
    {
        OperationCanceledException => !cancellationToken.IsCancellationRequested,
        HttpRequestException { StatusCode: null } => true,
        IOException => true,
        _ => false,
    };

    private async Task DownloadOnceAsync(IProgress<DownloadProgress>? progress, CancellationToken cancellationToken)
    {
        var o = _options;
        var have = File.Exists(o.PartialPath) ? new FileInfo(o.PartialPath).Length : 0;
        if (have > o.ExpectedSize)
        {
            File.Delete(o.PartialPath);
            have = 0;
        }
        if (have == o.ExpectedSize)
            return;

        using var request = new HttpRequestMessage(HttpMethod.Get, o.Source);
        if (have > 0)
            request.Headers.Range = new RangeHeaderValue(have, null);
        using var response = await _http.SendAsync(request, HttpCompletionOption.ResponseHeadersRead, cancellationToken).ConfigureAwait(false);

        var start = StartOffset(response, have);
        var declaredLength = response.Content.Headers.ContentLength;
        if (declaredLength is { } length && start + length != o.ExpectedSize)
            throw SizeMismatch($"server announces {start + length} bytes for {o.Source}, expected {o.ExpectedSize}");

        await using var file = new FileStream(o.PartialPath, FileMode.OpenOrCreate, FileAccess.Write, FileShare.None, BufferBytes, useAsync: true);
        file.SetLength(start);
        file.Position = start;
        await using var body = await response.Content.ReadAsStreamAsync(cancellationToken).ConfigureAwait(false);
        var buffer = new byte[BufferBytes];
        var done = start;
        progress?.Report(new DownloadProgress(done, o.ExpectedSize));
        int read;
        while ((read = await body.ReadAsync(buffer, cancellationToken).ConfigureAwait(false)) > 0)
        {
            if (done + read > o.ExpectedSize)
                throw SizeMismatch($"server sent more than the expected {o.ExpectedSize} bytes for {o.Source}");
            await file.WriteAsync(buffer.AsMemory(0, read), cancellationToken).ConfigureAwait(false);
            done += read;
            progress?.Report(new DownloadProgress(done, o.ExpectedSize));
        }

        if (done < o.ExpectedSize)
        {
            // With a declared length HttpClient already throws on an early close, so a short body
            // here is the whole file and it is too small; without one, it may just have broken off.
            if (declaredLength is not null)
                throw SizeMismatch($"downloaded {done} bytes for {o.Source}, expected {o.ExpectedSize}");
            throw new IOException($"connection closed after {done} of {o.ExpectedSize} bytes");
        }
    }

    /// <summary>Where the response body starts in the file, restarting from zero when the server cannot resume.</summary>
    private long StartOffset(HttpResponseMessage response, long have)
    {
        switch (response.StatusCode)
        {
            case HttpStatusCode.OK:
                // Either a fresh download, or a server that ignores Range and sends the whole file again.
                return 0;
            case HttpStatusCode.PartialContent when have > 0 && response.Content.Headers.ContentRange is { From: var from } && from == have:
                return have;
            case HttpStatusCode.PartialContent or HttpStatusCode.RequestedRangeNotSatisfiable when have > 0:
                // A range we did not ask for, or the partial file no longer fits the server's: start over.
                File.Delete(_options.PartialPath);
                throw new IOException($"server could not resume at byte {have} ({(int)response.StatusCode}); restarting");
            default:
                throw new DatasetDownloadException(DatasetDownloadFailure.HttpStatus,
                    $"GET {_options.Source} answered {(int)response.StatusCode} {response.ReasonPhrase}");
        }
    }

    private async Task VerifyChecksumAsync(CancellationToken cancellationToken)
    {
        var o = _options;
        var size = new FileInfo(o.PartialPath).Length;
        if (size != o.ExpectedSize)
            throw SizeMismatch($"downloaded archive has {size} bytes, expected {o.ExpectedSize}");

        string actual;
        await using (var stream = new FileStream(o.PartialPath, FileMode.Open, FileAccess.Read, FileShare.Read, BufferBytes, useAsync: true))
        {
            // MD5 is what the dataset publishes; it guards against corruption, not against an attacker.
#pragma warning disable CA5351
            actual = Convert.ToHexStringLower(await MD5.HashDataAsync(stream, cancellationToken).ConfigureAwait(false));
#pragma warning restore CA5351
        }
        if (!string.Equals(actual, o.ExpectedMd5, StringComparison.OrdinalIgnoreCase))
            throw new DatasetDownloadException(DatasetDownloadFailure.ChecksumMismatch,
                $"checksum mismatch for {o.Source}: expected md5 {o.ExpectedMd5.ToLowerInvariant()}, got {actual}");
        File.Move(o.PartialPath, o.ArchivePath, overwrite: true);
    }

    private async Task ExtractAsync(CancellationToken cancellationToken)
    {
        var o = _options;
        var staging = Path.Combine(o.Destination, $".extract-{Guid.NewGuid():N}");
        Directory.CreateDirectory(staging);
        try
        {
            await SafeTarExtractor.ExtractAsync(o.ArchivePath, staging, o.MaxExtractedBytes, o.MaxEntries, cancellationToken).ConfigureAwait(false);
            var extracted = Path.Combine(staging, o.Layout.DirectoryName);
            if (o.Layout.FindProblem(extracted) is { } problem)
                throw new DatasetDownloadException(DatasetDownloadFailure.InvalidArchive,
                    $"archive {o.ArchivePath} does not unpack to a complete {o.Layout.DirectoryName}: {problem.Replace(staging, "<archive>", StringComparison.Ordinal)}");
            // Whatever is there failed the completeness check above, so it is an older, broken copy.
            if (Directory.Exists(o.BatchesDirectory))
                Directory.Delete(o.BatchesDirectory, recursive: true);
            Directory.Move(extracted, o.BatchesDirectory);
        }
        catch (Exception e) when (e is IOException or InvalidDataException or UnauthorizedAccessException)
        {
            throw new DatasetDownloadException(DatasetDownloadFailure.InvalidArchive,
                $"could not unpack {o.ArchivePath}: {e.Message}", e);
        }
        finally
        {
            DeleteQuietly(staging);
        }
    }

    /// <summary>Cleanup after a failure must not hide the failure itself.</summary>
    private static void DeleteQuietly(string directory)
    {
        try
        {
            Directory.Delete(directory, recursive: true);
        }
        catch (Exception e) when (e is IOException or UnauthorizedAccessException)
        {
            // Left behind under a name no reader looks at; the next fetch uses a fresh one.
        }
    }

    private static DatasetDownloadException SizeMismatch(string message) => new(DatasetDownloadFailure.SizeMismatch, message);
}
