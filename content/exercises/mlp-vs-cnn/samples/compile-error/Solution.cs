// Fails to compile: a missing semicolon and an unknown layer.
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
        ("conv1", nn.Conv2d(3, 16, 3, padding: 1)),
        ("relu1", nn.ReLU()),
        ("pool1", nn.MaxPool2d(2)),
        ("conv2", nn.Conv2d(16, 32, 3, padding: 1)),
        ("relu2", nn.ReLU()),
        ("pool2", nn.MaxPool2d(2)),
        ("conv3", nn.Conv2d(32, 64, 3, padding: 1)),
        ("relu3", nn.ReLU()),
        ("gap", nn.AdaptiveAvgPool2d(1)),
        ("flatten", nn.Flatten()),
        ("out", nn.Linear(64, 10)))
    private static nn.Module<Tensor, Tensor> Extra() => nn.NoSuchLayer(3);
}
