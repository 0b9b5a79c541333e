using static TorchSharp.torch;

namespace Grader.Training.Training;

/// <summary>Batched inference without gradients.</summary>
public static class Evaluator
{
    /// <summary>Predicted class per image, int64 [N] on the CPU.</summary>
    public static Tensor Predict(nn.Module<Tensor, Tensor> model, Tensor images, int batchSize)
    {
        ArgumentNullException.ThrowIfNull(model);
        ArgumentNullException.ThrowIfNull(images);
        model.eval();
        var count = images.shape[0];
        var predictions = empty(count, ScalarType.Int64);
        using var noGrad = no_grad();
        for (long start = 0; start < count; start += batchSize)
        {
            using var scope = NewDisposeScope();
            var length = Math.Min(batchSize, count - start);
            var logits = model.forward(images.narrow(0, start, length));
            predictions.narrow(0, start, length).copy_(logits.argmax(1).cpu());
        }
        return predictions;
    }

    /// <summary>
    /// Predicted class per image as one byte each, the form predictions leave the sandbox in. A model with more
    /// than 256 outputs cannot be told apart here; callers check the output shape ([N, 10]) first.
    /// </summary>
    public static byte[] PredictClasses(nn.Module<Tensor, Tensor> model, Tensor images, int batchSize)
    {
        using var predictions = Predict(model, images, batchSize);
        using var clamped = predictions.clamp(0, byte.MaxValue);
        using var bytes = clamped.to(ScalarType.Byte);
        return bytes.data<byte>().ToArray();
    }

    /// <summary>Fraction of images whose predicted class equals the label (for callers that hold the labels).</summary>
    public static double Accuracy(nn.Module<Tensor, Tensor> model, PreparedSplit split, int batchSize)
    {
        ArgumentNullException.ThrowIfNull(split);
        using var predictions = Predict(model, split.Images, batchSize);
        using var labels = split.Labels.cpu();
        using var correct = predictions.eq(labels).sum();
        return correct.item<long>() / (double)split.Count;
    }
}
