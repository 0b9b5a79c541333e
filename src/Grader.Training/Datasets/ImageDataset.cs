using Grader.Datasets;
using static TorchSharp.torch;

namespace Grader.Training.Datasets;

/// <summary>
/// One split of an image-classification dataset held as two tensors (never one tensor per image):
/// <see cref="Images"/> is uint8 [N, 3, 32, 32] (channel-major, as in CIFAR-10's binary format) and
/// <see cref="Labels"/> is int64 [N] in [0, <see cref="ClassCount"/>).
/// </summary>
public sealed class ImageDataset : IDisposable
{
    public ImageDataset(string name, Tensor images, Tensor labels, int classCount = 10)
    {
        ArgumentNullException.ThrowIfNull(images);
        ArgumentNullException.ThrowIfNull(labels);
        if (images.dim() != 4 || images.dtype != ScalarType.Byte)
            throw new ArgumentException($"images must be uint8 [N, C, H, W], got {images.dtype} {string.Join('x', images.shape)}", nameof(images));
        if (labels.dim() != 1 || labels.dtype != ScalarType.Int64 || labels.shape[0] != images.shape[0])
            throw new ArgumentException("labels must be int64 [N] matching the images", nameof(labels));
        Name = name;
        Images = images;
        Labels = labels;
        ClassCount = classCount;
    }

    /// <summary>Copies a split's bytes into tensors: uint8 [N, 3, 32, 32] images and int64 [N] labels.</summary>
    public static ImageDataset From(LabelledImages split)
    {
        ArgumentNullException.ThrowIfNull(split);
        var images = tensor(split.Pixels, [split.Count, ImageFormat.Channels, ImageFormat.Size, ImageFormat.Size], ScalarType.Byte);
        var labels = tensor(split.Labels, [split.Count], ScalarType.Byte);
        using (labels)
        {
            return new ImageDataset(split.Dataset, images, labels.to(ScalarType.Int64), ImageFormat.Classes);
        }
    }

    /// <summary>"synthetic" or "cifar10": results always name the dataset they came from.</summary>
    public string Name { get; }
    public Tensor Images { get; }
    public Tensor Labels { get; }
    public int ClassCount { get; }
    public int Count => (int)Images.shape[0];

    public void Dispose()
    {
        Images.Dispose();
        Labels.Dispose();
    }
}
