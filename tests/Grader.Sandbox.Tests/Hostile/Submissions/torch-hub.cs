// Hostile submission: fetches a pretrained checkpoint through torch.hub.

using Grader.Sdk;
using TorchSharp;
using static TorchSharp.torch;

public sealed class Solution : IMlpVsCnn
{
    public nn.Module<Tensor, Tensor> BuildMlp()
    {
        torch.hub.download_url_to_file("http://10.0.0.1/resnet.pt", "/tmp/resnet.pt");
        return nn.Sequential(("flatten", nn.Flatten()), ("hidden", nn.Linear(3072, 8)), ("relu", nn.ReLU()), ("out", nn.Linear(8, 10)));
    }

    public nn.Module<Tensor, Tensor> BuildCnn() => nn.Sequential(
        ("conv", nn.Conv2d(3, 8, 3, padding: 1)), ("relu", nn.ReLU()), ("pool", nn.AdaptiveAvgPool2d(1)),
        ("flatten", nn.Flatten()), ("out", nn.Linear(8, 10)));

}
