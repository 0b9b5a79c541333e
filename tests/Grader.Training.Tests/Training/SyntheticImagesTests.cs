using Grader.Training.Datasets;
using static TorchSharp.torch;

namespace Grader.Training.Tests.Training;

public sealed class SyntheticImagesTests
{
    [Fact]
    public void Create_Shapes_MatchCifar10()
    {
        var (train, test) = SyntheticImages.Create(300, 100, 1);
        using var _ = train;
        using var __ = test;

        Assert.Equal([300L, 3, 32, 32], train.Images.shape);
        Assert.Equal(ScalarType.Byte, train.Images.dtype);
        Assert.Equal([100L], test.Labels.shape);
        Assert.Equal("synthetic", train.Name);
        Assert.Equal(10, train.ClassCount);
        Assert.InRange(train.Labels.min().item<long>(), 0, 0);
        Assert.InRange(train.Labels.max().item<long>(), 9, 9);
    }

    [Fact]
    public void Create_SameSeed_SameImages_OtherSeed_Different()
    {
        var (a, _) = SyntheticImages.Create(50, 10, 42);
        var (b, _) = SyntheticImages.Create(50, 10, 42);
        var (c, _) = SyntheticImages.Create(50, 10, 43);

        Assert.True(a.Images.eq(b.Images).all().item<bool>());
        Assert.True(a.Labels.eq(b.Labels).all().item<bool>());
        Assert.False(a.Images.eq(c.Images).all().item<bool>());
    }

    [Fact]
    public void Create_TrainAndTest_ShareNoImage()
    {
        var (train, test) = SyntheticImages.Create(200, 200, 5);

        var trainFlat = train.Images.reshape(200, -1).to(ScalarType.Int32);
        var testFlat = test.Images.reshape(200, -1).to(ScalarType.Int32);
        var distances = cdist(trainFlat.to(ScalarType.Float32), testFlat.to(ScalarType.Float32));

        Assert.True(distances.min().item<float>() > 0);
    }

    [Fact]
    public void Create_ClassEvidence_MovesAround()
    {
        // Average image per class: if the pattern sat still, its mean would keep its full contrast.
        var (train, _) = SyntheticImages.Create(2000, 10, 9);
        var images = train.Images.to(ScalarType.Float32);
        var classZero = images.index_select(0, nonzero(train.Labels.eq(0)).squeeze(1)).mean([0L]);
        var spread = classZero.max().item<float>() - classZero.min().item<float>();

        Assert.True(spread < 40, $"class-mean image varies by {spread}, evidence looks fixed in place");
    }
}
