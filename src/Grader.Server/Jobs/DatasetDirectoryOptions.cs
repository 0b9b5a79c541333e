namespace Grader.Server.Jobs;

/// <summary>The "Data" section as the grading engine reads it: where downloaded datasets live.</summary>
public sealed class DatasetDirectoryOptions
{
    public const string SectionName = "Data";

    /// <summary>Empty means the user's local application data folder, under "grader" (as the CLI).</summary>
    public string Directory { get; set; } = "";

    /// <summary>The folder of one downloaded dataset, e.g. <c>{Directory}/datasets/cifar10</c>.</summary>
    public string DatasetDirectory(string dataset) => Path.Combine(
        Directory.Length > 0
            ? Path.GetFullPath(Directory)
            : Path.Combine(Environment.GetFolderPath(Environment.SpecialFolder.LocalApplicationData, Environment.SpecialFolderOption.Create), "grader"),
        "datasets",
        dataset);
}
