namespace Grader.Datasets.Tests;

public sealed class LabelledImagesTests
{
    [Fact]
    public void AccuracyOf_SomeRight_IsTheFractionRight()
    {
        var split = new LabelledImages("synthetic", new byte[4 * ImageFormat.ImageBytes], [0, 1, 2, 3]);

        Assert.Equal(0.75, split.AccuracyOf([0, 1, 2, 9]));
        Assert.Equal(1.0, split.AccuracyOf([0, 1, 2, 3]));
    }

    [Fact]
    public void AccuracyOf_WrongCount_Throws()
    {
        var split = new LabelledImages("synthetic", new byte[2 * ImageFormat.ImageBytes], [0, 1]);

        Assert.Throws<ArgumentException>(() => split.AccuracyOf([0]));
    }

    [Fact]
    public void Constructor_PixelsNotMatchingLabels_Throws()
    {
        Assert.Throws<ArgumentException>(() => new LabelledImages("synthetic", new byte[ImageFormat.ImageBytes + 1], [0]));
    }

    [Fact]
    public void Constructor_LabelOutsideTheClasses_Throws()
    {
        var error = Assert.Throws<ArgumentException>(() => new LabelledImages("synthetic", new byte[ImageFormat.ImageBytes], [10]));

        Assert.Contains("label 10", error.Message, StringComparison.Ordinal);
    }
}
