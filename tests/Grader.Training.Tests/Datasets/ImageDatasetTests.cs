using Grader.Datasets;
using Grader.Training.Datasets;
using static TorchSharp.torch;

namespace Grader.Training.Tests.Datasets;

public sealed class ImageDatasetTests
{
    [Fact]
    public void From_SyntheticSplit_KeepsEveryByteAsCifarShapedTensors()
    {
        var split = SyntheticImages.Generate(DatasetSplit.Train, 30, 1);

        using var data = ImageDataset.From(split);

        Assert.Equal([30L, 3, 32, 32], data.Images.shape);
        Assert.Equal(ScalarType.Byte, data.Images.dtype);
        Assert.Equal(ScalarType.Int64, data.Labels.dtype);
        Assert.Equal("synthetic", data.Name);
        Assert.Equal(split.Pixels, data.Images.data<byte>().ToArray());
        Assert.Equal(split.Labels.Select(l => (long)l), data.Labels.data<long>().ToArray());
    }
}
