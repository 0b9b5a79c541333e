namespace Grader.Datasets;

/// <summary>
/// An offline stand-in for CIFAR-10 with the same format (<see cref="ImageFormat"/>) in which the lesson's effect
/// shows within seconds on a CPU. Each class is a colour (five of them) times a shape (two of them), pasted at a
/// random place on a noisy background. Colour is a global cue that any model can pick up by summing pixels;
/// telling the two shapes of a colour apart needs a local detector that works wherever the shape lands: what
/// convolution with pooling gives for free and an MLP must learn position by position. Deterministic from the
/// seed; each split has its own random stream, so the splits never share images and either can be generated
/// without the other (the host makes the test split, the sandboxed runner the training split).
/// </summary>
public static class SyntheticImages
{
    public const string Name = "synthetic";

    /// <summary>Split sizes when a recipe does not limit them.</summary>
    public const int DefaultTrainCount = 6000;

    public const int DefaultTestCount = 2000;

    private const int ShapeCount = 2;
    private const int PatternSize = 6;
    private const int Contrast = 64;
    private const int NoiseSpread = 40;

    // Five colours with distinct channel sums, so colour alone separates five groups of two classes.
    private static readonly int[][] Colours = [[1, 0, 0], [0, 1, 0], [0, 0, 1], [1, 1, 0], [0, 1, 1]];

    /// <summary>The size of <paramref name="split"/> for a recipe limit (0 means the default size).</summary>
    public static int CountFor(DatasetSplit split, int limit)
    {
        ArgumentOutOfRangeException.ThrowIfNegative(limit);
        return limit > 0 ? limit : split == DatasetSplit.Train ? DefaultTrainCount : DefaultTestCount;
    }

    /// <summary>Generates <paramref name="count"/> images of <paramref name="split"/>; shapes depend on <paramref name="seed"/> only.</summary>
    public static LabelledImages Generate(DatasetSplit split, int count, ulong seed)
    {
        ArgumentOutOfRangeException.ThrowIfNegativeOrZero(count);
        var shapes = MakeShapes(new Random(unchecked((int)seed)));
        // Distinct streams per split so test images are never copies of training ones.
        var stream = split == DatasetSplit.Train ? 1UL : 2UL;
        return Render(shapes, count, new Random(unchecked((int)(seed * 31 + stream))));
    }

    /// <summary>Binary masks with the same number of lit pixels, so shape adds no global colour cue.</summary>
    private static bool[][] MakeShapes(Random random)
    {
        const int cells = PatternSize * PatternSize;
        var shapes = new bool[ShapeCount][];
        for (var s = 0; s < ShapeCount; s++)
        {
            var order = Enumerable.Range(0, cells).ToArray();
            random.Shuffle(order);
            shapes[s] = new bool[cells];
            foreach (var lit in order.AsSpan(0, cells / 2))
                shapes[s][lit] = true;
        }

        return shapes;
    }

    private static LabelledImages Render(bool[][] shapes, int count, Random random)
    {
        const int size = ImageFormat.Size;
        const int plane = size * size;
        const int imageBytes = ImageFormat.ImageBytes;
        var pixels = new byte[(long)count * imageBytes];
        var labels = new byte[count];
        var noise = new byte[imageBytes];
        for (var n = 0; n < count; n++)
        {
            var label = random.Next(ImageFormat.Classes);
            labels[n] = (byte)label;
            random.NextBytes(noise);
            var image = pixels.AsSpan(n * imageBytes, imageBytes);
            for (var i = 0; i < imageBytes; i++)
                image[i] = (byte)(128 - NoiseSpread + noise[i] * (2 * NoiseSpread) / 256);

            var colour = Colours[label / ShapeCount];
            var shape = shapes[label % ShapeCount];
            var top = random.Next(size - PatternSize + 1);
            var left = random.Next(size - PatternSize + 1);
            for (var y = 0; y < PatternSize; y++)
                for (var x = 0; x < PatternSize; x++)
                {
                    if (!shape[y * PatternSize + x]) continue;
                    for (var ch = 0; ch < ImageFormat.Channels; ch++)
                    {
                        var at = ch * plane + (top + y) * size + left + x;
                        image[at] = (byte)Math.Clamp(image[at] + (colour[ch] * 2 - 1) * Contrast, 0, 255);
                    }
                }
        }

        return new LabelledImages(Name, pixels, labels);
    }
}
