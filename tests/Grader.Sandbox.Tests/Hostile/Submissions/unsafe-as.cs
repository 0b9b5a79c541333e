// Hostile submission: confuses types with Unsafe.As to reach a private field.

using Grader.Sdk;
using TorchSharp;
using static TorchSharp.torch;

public sealed class Solution : IMlpVsCnn
{
    public nn.Module<Tensor, Tensor> BuildMlp()
    {
        var model = nn.Linear(2, 2);
        var raw = System.Runtime.CompilerServices.Unsafe.As<Liar>(model);
        System.Console.WriteLine(raw.Secret);
        return nn.Sequential(("flatten", nn.Flatten()), ("hidden", nn.Linear(3072, 8)), ("relu", nn.ReLU()), ("out", nn.Linear(8, 10)));
    }

    public nn.Module<Tensor, Tensor> BuildCnn() => nn.Sequential(
        ("conv", nn.Conv2d(3, 8, 3, padding: 1)), ("relu", nn.ReLU()), ("pool", nn.AdaptiveAvgPool2d(1)),
        ("flatten", nn.Flatten()), ("out", nn.Linear(8, 10)));

    private sealed class Liar { public long Secret; }
}
