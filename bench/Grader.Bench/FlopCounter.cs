using TorchSharp.Modules;
using static TorchSharp.torch;

namespace Grader.Bench;

/// <summary>
/// Multiply-add work of a sequential model's forward pass, counted from the layer shapes a probe
/// produces (2 FLOPs per multiply-add; convolutions and linear layers only, which dominate).
/// </summary>
internal static class FlopCounter
{
    public static double ForwardFlopsPerImage(Sequential model)
    {
        using var scope = NewDisposeScope();
        using var noGrad = no_grad();
        var x = zeros(1, 3, 32, 32);
        double flops = 0;
        foreach (var (_, layer) in model.named_children())
        {
            var y = ((nn.Module<Tensor, Tensor>)layer).forward(x);
            flops += layer switch
            {
                Conv2d conv => 2.0 * conv.weight!.shape.Skip(1).Aggregate(1L, (a, b) => a * b) * y.numel(),
                Linear linear => 2.0 * linear.weight.shape[0] * linear.weight.shape[1],
                _ => 0,
            };
            x = y;
        }
        return flops;
    }
}
