using Grader.Datasets;
using Grader.Training.Datasets;
using static TorchSharp.torch;

namespace Grader.Training.Tests.Training;

/// <summary>The synthetic splits as the runner sees them: a labelled training split, test images without labels.</summary>
internal static class SyntheticData
{
    public static (ImageDataset Train, LabelledImages Test) Create(int trainCount, int testCount, ulong seed) =>
        (ImageDataset.From(SyntheticImages.Generate(DatasetSplit.Train, trainCount, seed)),
         SyntheticImages.Generate(DatasetSplit.Test, testCount, seed));

    /// <summary>uint8 [N, 3, 32, 32], the runner's form of the host's test images.</summary>
    public static Tensor Images(LabelledImages split) =>
        tensor(split.Pixels, [split.Count, ImageFormat.Channels, ImageFormat.Size, ImageFormat.Size], ScalarType.Byte);
}
