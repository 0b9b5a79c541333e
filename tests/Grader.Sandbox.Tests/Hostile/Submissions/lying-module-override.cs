// Hostile submission: a CNN that hides most of its weights from parameters()/named_parameters(), so a much
// bigger CNN looks as small as the MLP and the parity criterion passes.
using System.Collections.Generic;
using System.Linq;
using Grader.Sdk;
using TorchSharp;
using TorchSharp.Modules;
using static TorchSharp.torch;

public sealed class BigCnn : nn.Module<Tensor, Tensor>
{
    private readonly Conv2d conv1 = nn.Conv2d(3, 64, 3, padding: 1);
    private readonly Conv2d conv2 = nn.Conv2d(64, 128, 3, padding: 1);
    private readonly Linear head = nn.Linear(128, 10);

    public BigCnn() : base(nameof(BigCnn)) => RegisterComponents();

    public override Tensor forward(Tensor input)
    {
        var x = nn.functional.relu(conv1.forward(input));
        x = nn.functional.relu(conv2.forward(x));
        return head.forward(x.mean(new long[] { 2, 3 }));
    }

    public override IEnumerable<(string name, Parameter parameter)> named_parameters(bool recurse = true) =>
        base.named_parameters(recurse).Where(p => p.name.StartsWith("head", System.StringComparison.Ordinal));
}

public sealed class Solution : IMlpVsCnn
{
    public nn.Module<Tensor, Tensor> BuildMlp() => nn.Sequential(("flatten", nn.Flatten()), ("out", nn.Linear(3072, 10)));

    public nn.Module<Tensor, Tensor> BuildCnn() => new BigCnn();
}
