namespace Grader.Datasets;

/// <summary>
/// The image format every dataset here shares with CIFAR-10: 32×32 RGB, stored channel-major (the red plane,
/// then green, then blue) as one byte per value, and ten classes.
/// </summary>
public static class ImageFormat
{
    public const int Channels = 3;
    public const int Size = 32;
    public const int Classes = 10;

    /// <summary>Bytes of one image: <see cref="Channels"/> planes of <see cref="Size"/>×<see cref="Size"/>.</summary>
    public const int ImageBytes = Channels * Size * Size;
}
