namespace Grader.Training.Datasets;

/// <summary>
/// Where the fetched data lies (<see cref="BatchesDirectory"/> can be passed to
/// <see cref="Cifar10Binary.Load"/>), and whether it was already there so nothing was done.
/// </summary>
public sealed record Cifar10FetchResult(string BatchesDirectory, string ArchivePath, bool AlreadyPresent);
