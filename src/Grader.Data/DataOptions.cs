namespace Grader.Data;

/// <summary>The "Data" section: the folder holding the SQLite databases and downloaded datasets.</summary>
public sealed class DataOptions
{
    public const string SectionName = "Data";

    /// <summary>Empty means the user's local application data folder, under "grader".</summary>
    public string Directory { get; set; } = "";

    public string Resolve() => Directory.Length > 0
        ? Path.GetFullPath(Directory)
        : Path.Combine(Environment.GetFolderPath(Environment.SpecialFolder.LocalApplicationData, Environment.SpecialFolderOption.Create), "grader");

    public string DatasetDirectory(string dataset) => Path.Combine(Resolve(), "datasets", dataset);
}
