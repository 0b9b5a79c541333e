namespace Grader.Datasets.Tests;

public sealed class SyntheticImagesTests
{
    [Fact]
    public void Generate_Shapes_MatchCifar10()
    {
        var train = SyntheticImages.Generate(DatasetSplit.Train, 300, 1);

        Assert.Equal(300, train.Count);
        Assert.Equal(300 * 3 * 32 * 32, train.Pixels.Length);
        Assert.Equal("synthetic", train.Dataset);
        Assert.Equal(0, train.Labels.Min());
        Assert.Equal(9, train.Labels.Max());
    }

    [Fact]
    public void Generate_SameSeed_SameImages_OtherSeed_Different()
    {
        var a = SyntheticImages.Generate(DatasetSplit.Train, 50, 42);
        var b = SyntheticImages.Generate(DatasetSplit.Train, 50, 42);
        var c = SyntheticImages.Generate(DatasetSplit.Train, 50, 43);

        Assert.Equal(a.Pixels, b.Pixels);
        Assert.Equal(a.Labels, b.Labels);
        Assert.NotEqual(a.Pixels, c.Pixels);
    }

    [Fact]
    public void Generate_TestSplit_DoesNotDependOnTheTrainingSplitsSize()
    {
        // The host makes the test split and the runner the training split, each on its own.
        var alone = SyntheticImages.Generate(DatasetSplit.Test, 40, 5);
        _ = SyntheticImages.Generate(DatasetSplit.Train, 500, 5);
        var again = SyntheticImages.Generate(DatasetSplit.Test, 40, 5);

        Assert.Equal(alone.Pixels, again.Pixels);
        Assert.Equal(alone.Labels, again.Labels);
    }

    [Fact]
    public void Generate_TrainAndTest_ShareNoImage()
    {
        var train = SyntheticImages.Generate(DatasetSplit.Train, 200, 5);
        var test = SyntheticImages.Generate(DatasetSplit.Test, 200, 5);

        var trainImages = train.Pixels.Chunk(ImageFormat.ImageBytes).Select(Convert.ToHexString).ToHashSet();
        Assert.DoesNotContain(test.Pixels.Chunk(ImageFormat.ImageBytes).Select(Convert.ToHexString), trainImages.Contains);
    }

    [Fact]
    public void Generate_ClassEvidence_MovesAround()
    {
        // Average image per class: if the pattern sat still, its mean would keep its full contrast.
        var train = SyntheticImages.Generate(DatasetSplit.Train, 2000, 9);
        var classZero = train.Pixels.Chunk(ImageFormat.ImageBytes).Where((_, i) => train.Labels[i] == 0).ToList();
        var mean = Enumerable.Range(0, ImageFormat.ImageBytes).Select(p => classZero.Average(image => image[p])).ToList();
        var spread = mean.Max() - mean.Min();

        Assert.True(spread < 40, $"class-mean image varies by {spread}, evidence looks fixed in place");
    }

    [Theory]
    [InlineData(DatasetSplit.Train, 0, SyntheticImages.DefaultTrainCount)]
    [InlineData(DatasetSplit.Test, 0, SyntheticImages.DefaultTestCount)]
    [InlineData(DatasetSplit.Test, 32, 32)]
    public void CountFor_Limit_ZeroMeansTheDefault(DatasetSplit split, int limit, int expected)
    {
        Assert.Equal(expected, SyntheticImages.CountFor(split, limit));
    }
}
