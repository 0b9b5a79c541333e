using TorchSharp;
using static TorchSharp.torch;

namespace Grader.Training.Tests.Training;

/// <summary>Small models for fast tests, shaped like lesson 01's reference.</summary>
internal static class TinyModels
{
    public static nn.Module<Tensor, Tensor> Mlp(int hidden = 8) => nn.Sequential(
        ("flatten", nn.Flatten()),
        ("hidden", nn.Linear(3 * 32 * 32, hidden)),
        ("relu", nn.ReLU()),
        ("out", nn.Linear(hidden, 10)));

    public static nn.Module<Tensor, Tensor> Cnn() => nn.Sequential(
        ("conv1", nn.Conv2d(3, 8, 3, padding: 1)),
        ("relu1", nn.ReLU()),
        ("pool1", nn.MaxPool2d(2)),
        ("conv2", nn.Conv2d(8, 16, 3, padding: 1)),
        ("relu2", nn.ReLU()),
        ("gap", nn.AdaptiveAvgPool2d(1)),
        ("flatten", nn.Flatten()),
        ("out", nn.Linear(16, 10)));
}
