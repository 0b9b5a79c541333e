// Fails accuracy-gap: one convolution and then a dense layer over every position learns
// shapes position by position, just like the MLP.
using Grader.Sdk;
using TorchSharp;
using static TorchSharp.torch;

public sealed class Solution : IMlpVsCnn
{
    public nn.Module<Tensor, Tensor> BuildMlp() => nn.Sequential(
        ("flatten", nn.Flatten()),
        ("hidden", nn.Linear(3 * 32 * 32, 8)),
        ("relu", nn.ReLU()),
        ("out", nn.Linear(8, 10)));

    public nn.Module<Tensor, Tensor> BuildCnn() => nn.Sequential(
        ("conv", nn.Conv2d(3, 3, 3, padding: 1)),
        ("flatten", nn.Flatten()),
        ("hidden", nn.Linear(3 * 32 * 32, 8)),
        ("relu", nn.ReLU()),
        ("out", nn.Linear(8, 10)));
}
