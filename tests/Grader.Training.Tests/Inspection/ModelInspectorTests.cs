using Grader.Training.Inspection;
using Grader.Training.Tests.Training;
using TorchSharp;
using static TorchSharp.torch;

namespace Grader.Training.Tests.Inspection;

public sealed class ModelInspectorTests
{
    [Fact]
    public void CountParameters_ReferenceShapes_MatchHandCount()
    {
        Assert.Equal(3072 * 8 + 8 + 8 * 10 + 10, ModelInspector.CountParameters(TinyModels.Mlp()));
        Assert.Equal((3 * 8 * 9 + 8) + (8 * 16 * 9 + 16) + (16 * 10 + 10), ModelInspector.CountParameters(TinyModels.Cnn()));
    }

    [Fact]
    public void CountConvolutions_MlpAndCnn_TellApart()
    {
        Assert.Equal(0, ModelInspector.CountConvolutions(TinyModels.Mlp()));
        Assert.Equal(2, ModelInspector.CountConvolutions(TinyModels.Cnn()));
    }

    [Fact]
    public void CountConvolutions_FunctionalConvolutionInCustomModule_StillCounts()
    {
        Assert.Equal(1, ModelInspector.CountConvolutions(new HiddenConvolution()));
    }

    [Fact]
    public void LayerTypes_Sequential_CountsEachType()
    {
        var types = ModelInspector.LayerTypes(TinyModels.Cnn());

        Assert.Equal(2, types["Conv2d"]);
        Assert.Equal(2, types["ReLU"]);
        Assert.Equal(1, types["Linear"]);
    }

    /// <summary>A convolution written with the functional API: no Conv2d module anywhere.</summary>
    private sealed class HiddenConvolution : nn.Module<Tensor, Tensor>
    {
        private readonly TorchSharp.Modules.Parameter _kernel = new(randn(4, 3, 3, 3));

        public HiddenConvolution() : base(nameof(HiddenConvolution)) => RegisterComponents();

        public override Tensor forward(Tensor input) => nn.functional.conv2d(input, _kernel).flatten(1);
    }
}
