using Grader.Data;
using System.CommandLine;
using Grader.Cli.Configuration;
using Grader.Training.Datasets;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Options;
using Spectre.Console;

namespace Grader.Cli.Datasets;

/// <summary><c>grader datasets fetch cifar10</c>: download (resumable), verify and unpack into the data folder.</summary>
public static class DatasetsCommand
{
    public static Command Create()
    {
        var name = new Argument<string>("dataset") { Description = "Dataset to fetch" };
        name.AcceptOnlyFromAmong("cifar10");
        var url = new Option<Uri?>("--url") { Description = "Where to download cifar-10-binary.tar.gz from (default: Datasets:Cifar10Url)" };
        var dataDir = new Option<string?>("--data-dir") { Description = "Data folder (default: Data:Directory)" };
        var fetch = new Command("fetch", "Download, verify (size, md5) and unpack a dataset") { name, url, dataDir };
        fetch.SetAction(async (parse, cancellationToken) =>
        {
            var overrides = new Dictionary<string, string?>();
            if (parse.GetValue(dataDir) is { } dir) overrides[$"{DataOptions.SectionName}:Directory"] = dir;
            using var services = CliHost.Build(overrides);
            var source = parse.GetValue(url)
                ?? (Uri.TryCreate(services.GetRequiredService<IOptions<DatasetOptions>>().Value.Cifar10Url, UriKind.Absolute, out var configured)
                    ? configured
                    : throw new CliException("no download address: pass --url or set Datasets:Cifar10Url"));
            var destination = services.GetRequiredService<IOptions<DataOptions>>().Value.DatasetDirectory("cifar10");

            using var http = new HttpClient { Timeout = TimeSpan.FromMinutes(2) };
            var download = new Cifar10Download(http, new Cifar10DownloadOptions { Source = source, Destination = destination });
            try
            {
                var result = await AnsiConsole.Progress()
                    .Columns(new TaskDescriptionColumn(), new ProgressBarColumn(), new PercentageColumn(), new DownloadedColumn(), new TransferSpeedColumn(), new RemainingTimeColumn())
                    .StartAsync(async context =>
                    {
                        var task = context.AddTask("cifar-10-binary.tar.gz", maxValue: 1);
                        var progress = new Progress<DownloadProgress>(p =>
                        {
                            if (p.TotalBytes is { } total) task.MaxValue = total;
                            task.Value = p.BytesDone;
                        });
                        var fetched = await download.FetchAsync(progress, cancellationToken);
                        task.Value = task.MaxValue;
                        return fetched;
                    });
                Console.WriteLine(result.AlreadyPresent
                    ? $"CIFAR-10 already present in {result.BatchesDirectory}"
                    : $"CIFAR-10 verified and unpacked into {result.BatchesDirectory}");
                return ExitCodes.Graded;
            }
            catch (DatasetDownloadException ex)
            {
                throw new CliException($"fetching CIFAR-10 failed: {ex.Message}", ExitCodes.PlatformError);
            }
        });
        return new Command("datasets", "Manage training datasets") { fetch };
    }
}
