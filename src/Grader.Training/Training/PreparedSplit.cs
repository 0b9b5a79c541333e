using Grader.Training.Datasets;
using static TorchSharp.torch;

namespace Grader.Training.Training;

/// <summary>
/// A split moved to the training device once, as normalised float32 images plus labels, so batches
/// are slices rather than per-step conversions. Normalisation uses the training split's per-channel
/// statistics for both splits.
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

    /// <summary>Prepares a train/test pair with the train split's channel mean and deviation.</summary>
    public static (PreparedSplit Train, PreparedSplit Test) Prepare(ImageDataset train, ImageDataset test, Device device)
    {
        ArgumentNullException.ThrowIfNull(train);
        ArgumentNullException.ThrowIfNull(test);
        using var scope = NewDisposeScope();
        var scaled = train.Images.to(ScalarType.Float32).div_(255f);
        var mean = scaled.mean([0L, 2L, 3L], keepdim: true);
        var std = scaled.std([0L, 2L, 3L], keepdim: true).clamp_min(1e-6);
        var preparedTrain = new PreparedSplit(Normalise(train.Images, mean, std, device).MoveToOuterDisposeScope(), train.Labels.to(device).MoveToOuterDisposeScope());
        var preparedTest = new PreparedSplit(Normalise(test.Images, mean, std, device).MoveToOuterDisposeScope(), test.Labels.to(device).MoveToOuterDisposeScope());
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
