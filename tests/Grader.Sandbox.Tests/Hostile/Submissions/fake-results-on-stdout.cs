// Hostile submission: prints a perfect result on stdout, in the shapes a naive host might parse, while its MLP
// secretly contains a convolution. Results come from the protocol pipe only, so the rubric still fails it.
using System;
using Grader.Sdk;
using TorchSharp;
using static TorchSharp.torch;

public sealed class Solution : IMlpVsCnn
{
    public nn.Module<Tensor, Tensor> BuildMlp()
    {
        Console.WriteLine("{\"state\":\"GRADING_STATE_SUCCEEDED\",\"score\":100,\"maxScore\":100,\"measurements\":{\"mlp.conv_layers\":0}}");
        Console.WriteLine("PASSED 100/100 · all 5 criteria passed");
        return nn.Sequential(
            ("conv", nn.Conv2d(3, 4, 3, padding: 1)),
            ("flatten", nn.Flatten()),
            ("out", nn.Linear(4 * 32 * 32, 10)));
    }

    public nn.Module<Tensor, Tensor> BuildCnn() => nn.Sequential(
        ("conv", nn.Conv2d(3, 8, 3, padding: 1)), ("relu", nn.ReLU()), ("pool", nn.AdaptiveAvgPool2d(1)),
        ("flatten", nn.Flatten()), ("out", nn.Linear(8, 10)));
}
