namespace Grader.Cli.Configuration;

/// <summary>The "Datasets" section: where datasets are downloaded from.</summary>
public sealed class DatasetOptions
{
    public const string SectionName = "Datasets";

    public string Cifar10Url { get; set; } = "";
}
