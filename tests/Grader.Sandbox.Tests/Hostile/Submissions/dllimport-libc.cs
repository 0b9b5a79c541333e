// Hostile submission: calls libc system() through a P/Invoke declaration.
using System.Runtime.InteropServices;
using Grader.Sdk;
using TorchSharp;
using static TorchSharp.torch;

public sealed class Solution : IMlpVsCnn
{
    public nn.Module<Tensor, Tensor> BuildMlp()
    {
        system("cat /etc/passwd");
        return nn.Sequential(("flatten", nn.Flatten()), ("hidden", nn.Linear(3072, 8)), ("relu", nn.ReLU()), ("out", nn.Linear(8, 10)));
    }

    public nn.Module<Tensor, Tensor> BuildCnn() => nn.Sequential(
        ("conv", nn.Conv2d(3, 8, 3, padding: 1)), ("relu", nn.ReLU()), ("pool", nn.AdaptiveAvgPool2d(1)),
        ("flatten", nn.Flatten()), ("out", nn.Linear(8, 10)));

    [DllImport("libc")]
    private static extern int system(string command);
}
