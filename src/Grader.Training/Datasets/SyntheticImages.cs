using static TorchSharp.torch;

namespace Grader.Training.Datasets;

/// <summary>
/// An offline stand-in for CIFAR-10 with the same shape (uint8 [N, 3, 32, 32], 10 classes) in which
/// the lesson's effect shows within seconds on a CPU. Each class is a colour (five of them) times a
/// shape (two of them), pasted at a random place on a noisy background. Colour is a global cue that
/// any model can pick up by summing pixels; telling the two shapes of a colour apart needs a local
/// detector that works wherever the shape lands: what convolution with pooling gives for free and an
/// MLP must learn position by position. Deterministic from the seed; the train and test splits never
/// share images.
/// </summary>
public static class SyntheticImages
{
    public const string Name = "synthetic";
    public const int Classes = 10;
    public const int Size = 32;
    public const int Channels = 3;
    private const int ShapeCount = 2;
    private const int PatternSize = 6;
    private const int Contrast = 64;
    private const int NoiseSpread = 40;

    // Five colours with distinct channel sums, so colour alone separates five groups of two classes.
    private static readonly int[][] Colours = [[1, 0, 0], [0, 1, 0], [0, 0, 1], [1, 1, 0], [0, 1, 1]];

    /// <summary>Builds the train and test splits. Shapes depend on <paramref name="seed"/> only.</summary>
    public static (ImageDataset Train, ImageDataset Test) Create(int trainCount, int testCount, ulong seed)
    {
        ArgumentOutOfRangeException.ThrowIfNegativeOrZero(trainCount);
        ArgumentOutOfRangeException.ThrowIfNegativeOrZero(testCount);
        var shapes = MakeShapes(new Random(unchecked((int)seed)));
        // Distinct streams per split so test images are never copies of training ones.
        var train = Render(shapes, trainCount, new Random(unchecked((int)(seed * 31 + 1))));
        var test = Render(shapes, testCount, new Random(unchecked((int)(seed * 31 + 2))));
        return (train, test);
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

    private static ImageDataset Render(bool[][] shapes, int count, Random random)
    {
        const int plane = Size * Size;
        const int imageBytes = Channels * plane;
        var pixels = new byte[(long)count * imageBytes];
        var labels = new long[count];
        var noise = new byte[imageBytes];
        for (var n = 0; n < count; n++)
        {
            var label = random.Next(Classes);
            labels[n] = label;
            random.NextBytes(noise);
            var image = pixels.AsSpan(n * imageBytes, imageBytes);
            for (var i = 0; i < imageBytes; i++)
                image[i] = (byte)(128 - NoiseSpread + noise[i] * (2 * NoiseSpread) / 256);

            var colour = Colours[label / ShapeCount];
            var shape = shapes[label % ShapeCount];
            var top = random.Next(Size - PatternSize + 1);
            var left = random.Next(Size - PatternSize + 1);
            for (var y = 0; y < PatternSize; y++)
                for (var x = 0; x < PatternSize; x++)
                {
                    if (!shape[y * PatternSize + x]) continue;
                    for (var ch = 0; ch < Channels; ch++)
                    {
                        var at = ch * plane + (top + y) * Size + left + x;
                        image[at] = (byte)Math.Clamp(image[at] + (colour[ch] * 2 - 1) * Contrast, 0, 255);
                    }
                }
        }
        var images = tensor(pixels, [count, Channels, Size, Size], ScalarType.Byte);
        return new ImageDataset(Name, images, tensor(labels, ScalarType.Int64), Classes);
    }
}
