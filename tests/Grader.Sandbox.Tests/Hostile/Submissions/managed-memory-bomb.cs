// Hostile submission: keeps allocating managed arrays (up to 3 GB) to exhaust the host's memory.
using System.Collections.Generic;
using Grader.Sdk;
using TorchSharp;
using static TorchSharp.torch;

public sealed class Solution : IMlpVsCnn
{
    public nn.Module<Tensor, Tensor> BuildMlp()
    {
        var hoard = new List<double[]>();
        for (var i = 0; i < 48; i++)
        {
            var block = new double[8 * 1024 * 1024];
            block[i] = i;
            hoard.Add(block);
        }
        System.Console.WriteLine(hoard.Count);
        return nn.Sequential(("flatten", nn.Flatten()), ("hidden", nn.Linear(3072, 8)), ("relu", nn.ReLU()), ("out", nn.Linear(8, 10)));
    }

    public nn.Module<Tensor, Tensor> BuildCnn() => nn.Sequential(
        ("conv", nn.Conv2d(3, 8, 3, padding: 1)), ("relu", nn.ReLU()), ("pool", nn.AdaptiveAvgPool2d(1)),
        ("flatten", nn.Flatten()), ("out", nn.Linear(8, 10)));

}
