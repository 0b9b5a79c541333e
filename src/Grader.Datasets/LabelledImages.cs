namespace Grader.Datasets;

/// <summary>
/// One split as bytes: <see cref="Pixels"/> holds <see cref="Count"/> images in <see cref="ImageFormat"/>'s layout,
/// back to back, and <see cref="Labels"/> one class in [0, <see cref="ImageFormat.Classes"/>) per image.
/// </summary>
public sealed class LabelledImages
{
    public LabelledImages(string dataset, byte[] pixels, byte[] labels)
    {
        ArgumentException.ThrowIfNullOrEmpty(dataset);
        ArgumentNullException.ThrowIfNull(pixels);
        ArgumentNullException.ThrowIfNull(labels);
        if (pixels.LongLength != (long)labels.Length * ImageFormat.ImageBytes)
            throw new ArgumentException($"{pixels.LongLength} pixel bytes do not hold {labels.Length} images of {ImageFormat.ImageBytes} bytes", nameof(pixels));
        if (labels.AsSpan().IndexOfAnyInRange((byte)ImageFormat.Classes, byte.MaxValue) is var bad and >= 0)
            throw new ArgumentException($"label {labels[bad]} of image {bad} is outside 0..{ImageFormat.Classes - 1}", nameof(labels));
        Dataset = dataset;
        Pixels = pixels;
        Labels = labels;
    }

    /// <summary>"synthetic" or "cifar10": results always name the dataset they came from.</summary>
    public string Dataset { get; }

    public byte[] Pixels { get; }

    public byte[] Labels { get; }

    public int Count => Labels.Length;

    /// <summary>
    /// The fraction of <paramref name="predictions"/> (one class per image, in order) that match the labels.
    /// The caller checks the predictions' length and range first; a mismatch here is a programming error.
    /// </summary>
    public double AccuracyOf(ReadOnlySpan<byte> predictions)
    {
        if (predictions.Length != Count)
            throw new ArgumentException($"{predictions.Length} predictions for {Count} images", nameof(predictions));
        var labels = Labels.AsSpan();
        var correct = 0;
        for (var i = 0; i < labels.Length; i++)
        {
            if (predictions[i] == labels[i])
                correct++;
        }

        return Count == 0 ? 0 : correct / (double)Count;
    }
}
