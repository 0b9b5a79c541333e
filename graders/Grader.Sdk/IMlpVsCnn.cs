using TorchSharp;
using static TorchSharp.torch;

namespace Grader.Sdk;

/// <summary>
/// Lesson 01: the learner builds two image classifiers of similar size. Both take a batch of
/// normalised 32×32 RGB images shaped [N, 3, 32, 32] and return logits shaped [N, 10].
/// The grader re-initialises every parameter and trains both with the exercise's recipe.
/// </summary>
public interface IMlpVsCnn
{
    /// <summary>A multi-layer perceptron: fully connected layers only, no convolution.</summary>
    nn.Module<Tensor, Tensor> BuildMlp();

    /// <summary>A convolutional network with at least one convolution.</summary>
    nn.Module<Tensor, Tensor> BuildCnn();
}
