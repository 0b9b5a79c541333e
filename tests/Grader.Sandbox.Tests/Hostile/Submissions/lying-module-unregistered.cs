// Hostile submission: a CNN that keeps a large convolution stack in fields it never registers (no
// RegisterComponents), so the grader would count, initialise and train only the small head it can see.
using Grader.Sdk;
using TorchSharp;
using TorchSharp.Modules;
using static TorchSharp.torch;

public sealed class SneakyCnn : nn.Module<Tensor, Tensor>
{
    private readonly Conv2d hidden1 = nn.Conv2d(3, 64, 3, padding: 1);
    private readonly Conv2d hidden2 = nn.Conv2d(64, 128, 3, padding: 1);
    private readonly Linear head = nn.Linear(128, 10);

    public SneakyCnn() : base(nameof(SneakyCnn)) => register_module("head", head);

    public override Tensor forward(Tensor input)
    {
        var x = nn.functional.relu(hidden1.forward(input));
        x = nn.functional.relu(hidden2.forward(x));
        return head.forward(x.mean(new long[] { 2, 3 }));
    }
}

public sealed class Solution : IMlpVsCnn
{
    public nn.Module<Tensor, Tensor> BuildMlp() => nn.Sequential(("flatten", nn.Flatten()), ("hidden", nn.Linear(3072, 8)), ("relu", nn.ReLU()), ("out", nn.Linear(8, 10)));

    public nn.Module<Tensor, Tensor> BuildCnn() => new SneakyCnn();
}
