using Grader.Core.Exercises;
using Grader.Datasets;

namespace Grader.Sandbox.Grading;

/// <summary>
/// The host's half of the trust split: it builds the test split (images and labels) itself, hands the runner the
/// images only, and mounts only the training files. For CIFAR-10 that means the five training batches one by one,
/// never the folder, because the test batch in it carries labels.
/// </summary>
/// <param name="Images">The test images and the labels that stay on the host.</param>
/// <param name="DatasetPath">What the runner is told in DatasetSpec.path (empty for synthetic).</param>
/// <param name="Mounts">Host files the runner may read, read-only.</param>
internal sealed record TestSplit(LabelledImages Images, string DatasetPath, IReadOnlyList<string> Mounts)
{
    /// <param name="dataset">"synthetic" or "cifar10".</param>
    /// <param name="datasetDirectory">For cifar10: the folder holding cifar-10-batches-bin (or that folder itself).</param>
    /// <param name="seed">The job's seed (the synthetic split derives from it).</param>
    /// <param name="testLimit">At most this many test images; 0 for the whole split.</param>
    /// <exception cref="DatasetFormatException">The dataset on disk is missing or broken (a platform fault).</exception>
    public static TestSplit Build(string dataset, string? datasetDirectory, ulong seed, int testLimit)
    {
        switch (dataset)
        {
            case ExerciseDatasets.Synthetic:
                var count = SyntheticImages.CountFor(DatasetSplit.Test, testLimit);
                return new TestSplit(SyntheticImages.Generate(DatasetSplit.Test, count, seed), string.Empty, []);
            case ExerciseDatasets.Cifar10:
                var directory = datasetDirectory is { Length: > 0 } d
                    ? Path.GetFullPath(d)
                    : throw new DatasetFormatException("grading on cifar10 needs the dataset directory");
                var images = Cifar10Records.Read(directory, DatasetSplit.Test, testLimit);
                var training = Cifar10Records.FilesOf(directory, DatasetSplit.Train);
                return new TestSplit(images, Cifar10Records.BatchesDirectory(directory), training);
            default:
                throw new DatasetFormatException($"no test split for dataset '{dataset}'");
        }
    }
}
