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

    /// <summary>Fraction of images whose predicted class equals the label.</summary>
    public static double Accuracy(nn.Module<Tensor, Tensor> model, PreparedSplit split, int batchSize)
    {
        ArgumentNullException.ThrowIfNull(split);
        using var predictions = Predict(model, split.Images, batchSize);
        using var labels = split.Labels.cpu();
        using var correct = predictions.eq(labels).sum();
        return correct.item<long>() / (double)split.Count;
    }
}
