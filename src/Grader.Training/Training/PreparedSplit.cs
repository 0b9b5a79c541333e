using Grader.Training.Datasets;
using static TorchSharp.torch;

namespace Grader.Training.Training;

/// <summary>
/// The training split moved to the training device once, as normalised float32 images plus labels, so batches
/// are slices rather than per-step conversions. Normalisation uses the training split's per-channel statistics,
/// for the training images and for the (unlabelled) test images alike.
/// </summary>
public sealed class PreparedSplit : IDisposable
{
    private PreparedSplit(Tensor images, Tensor labels)
    {
        Images = images;
        Labels = labels;
    }

    public Tensor Images { get; }
    public Tensor Labels { get; }
    public int Count => (int)Images.shape[0];

    /// <summary>
    /// Prepares the training split and the test images (uint8 [N, 3, 32, 32], no labels) with the training split's
    /// channel mean and deviation. The caller disposes both.
    /// </summary>
    public static (PreparedSplit Train, Tensor TestImages) Prepare(ImageDataset train, Tensor testImages, Device device)
    {
        ArgumentNullException.ThrowIfNull(train);
        ArgumentNullException.ThrowIfNull(testImages);
        if (testImages.dim() != 4 || testImages.dtype != ScalarType.Byte)
            throw new ArgumentException($"test images must be uint8 [N, C, H, W], got {testImages.dtype} {string.Join('x', testImages.shape)}", nameof(testImages));
        using var scope = NewDisposeScope();
        var scaled = train.Images.to(ScalarType.Float32).div_(255f);
        var mean = scaled.mean([0L, 2L, 3L], keepdim: true);
        var std = scaled.std([0L, 2L, 3L], keepdim: true).clamp_min(1e-6);
        var preparedTrain = new PreparedSplit(Normalise(train.Images, mean, std, device).MoveToOuterDisposeScope(), train.Labels.to(device).MoveToOuterDisposeScope());
        var preparedTest = Normalise(testImages, mean, std, device).MoveToOuterDisposeScope();
        return (preparedTrain, preparedTest);
    }

    private static Tensor Normalise(Tensor images, Tensor mean, Tensor std, Device device) =>
        images.to(device).to(ScalarType.Float32).div_(255f).sub_(mean.to(device)).div_(std.to(device));

    public void Dispose()
    {
        Images.Dispose();
        Labels.Dispose();
    }
}
