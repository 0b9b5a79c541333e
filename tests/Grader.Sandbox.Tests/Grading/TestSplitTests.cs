using Grader.Datasets;
using Grader.Sandbox.Grading;

namespace Grader.Sandbox.Tests.Grading;

public sealed class TestSplitTests : IDisposable
{
    private readonly string root = Path.Combine(Path.GetTempPath(), "grader-split-" + Guid.NewGuid().ToString("N"));

    public void Dispose()
    {
        if (Directory.Exists(root))
            Directory.Delete(root, recursive: true);
    }

    [Fact]
    public void Build_Synthetic_HostMakesTheTestSplitAndMountsNothing()
    {
        var split = TestSplit.Build("synthetic", null, 7, 50);

        Assert.Equal(50, split.Images.Count);
        Assert.Equal(SyntheticImages.Generate(DatasetSplit.Test, 50, 7).Labels, split.Images.Labels);
        Assert.Empty(split.Mounts);
    }

    [Fact]
    public void Build_Cifar10_MountsTheTrainingBatchesButNeverTheLabelledTestBatch()
    {
        var batches = Directory.CreateDirectory(Path.Combine(root, Cifar10Layout.Official.DirectoryName)).FullName;
        foreach (var name in Cifar10Layout.Official.TrainFiles.Concat(Cifar10Layout.Official.TestFiles))
        {
            // Sparse files of the exact size: all-zero records are valid (label 0, black image).
            using var file = File.Create(Path.Combine(batches, name));
            file.SetLength(Cifar10Layout.Official.BatchFileBytes);
        }

        var split = TestSplit.Build("cifar10", root, 1, 100);

        Assert.Equal(100, split.Images.Count);
        Assert.Equal(batches, split.DatasetPath);
        Assert.Equal(Cifar10Layout.Official.TrainFiles, split.Mounts.Select(Path.GetFileName));
        Assert.DoesNotContain(split.Mounts, m => m.Contains("test_batch", StringComparison.Ordinal) || Directory.Exists(m));
    }

    [Fact]
    public void Build_Cifar10Missing_IsADatasetFormatError()
    {
        Assert.Throws<DatasetFormatException>(() => TestSplit.Build("cifar10", root, 1, 0));
    }
}
