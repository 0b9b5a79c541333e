using Grader.Training.Grading;
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

    [Fact]
    public void CountParameters_ModuleHidingItsWeights_RefusedAsTheLearnersError()
    {
        using var liar = new HidingModule();

        var error = Assert.Throws<LearnerCodeException>(() => ModelInspector.CountParameters(liar));

        Assert.Equal("model_error", error.Reason);
        Assert.Contains("overrides", error.Message, StringComparison.Ordinal);
    }

    [Fact]
    public void CountParameters_LiarNestedInsideSequential_RefusedBeforeItsOverridesRun()
    {
        using var model = nn.Sequential(("ok", nn.Linear(4, 4)), ("liar", new HidingModule()));

        Assert.Throws<LearnerCodeException>(() => ModelInspector.CountParameters(model));
        Assert.Equal(0, HidingModule.Calls);
    }

    [Fact]
    public void CountParameters_LayerKeptButNeverRegistered_RefusedAsTheLearnersError()
    {
        using var model = new UnregisteredLayer();

        var error = Assert.Throws<LearnerCodeException>(() => ModelInspector.CountParameters(model));

        Assert.Contains("UnregisteredLayer._hidden", error.Message, StringComparison.Ordinal);
        Assert.Contains("RegisterComponents", error.Message, StringComparison.Ordinal);
    }

    [Fact]
    public void Parameters_CustomModuleWithRootParameter_FoundByName()
    {
        using var model = new HiddenConvolution();

        Assert.Equal(["_kernel"], ModuleTree.Parameters(model).Select(p => p.Name));
        Assert.Equal(["_kernel"], ModuleTree.OwnParameters(model).Select(p => p.Name));
    }

    [Fact]
    public void Modules_NestedSequential_RootFirstThenTorchSharpsOrder()
    {
        using var model = nn.Sequential(("block", nn.Sequential(("fc", nn.Linear(4, 4)))), ("out", nn.Linear(4, 2)));

        Assert.Equal(["", "block", "out", "block.fc"], ModuleTree.Modules(model).Select(m => m.Name));
        Assert.Equal(["block.fc.weight", "block.fc.bias", "out.weight", "out.bias"], ModuleTree.Parameters(model).Select(p => p.Name));
    }

    /// <summary>A learner's lie: registers a real MLP but tells every virtual inspector it has nothing.</summary>
    private sealed class HidingModule : nn.Module<Tensor, Tensor>
    {
        private readonly nn.Module<Tensor, Tensor> _inner = TinyModels.Mlp(hidden: 16);

        public HidingModule() : base(nameof(HidingModule)) => RegisterComponents();

        public static int Calls { get; private set; }

        public override Tensor forward(Tensor input) => _inner.forward(input);

        public override IEnumerable<(string name, TorchSharp.Modules.Parameter parameter)> named_parameters(bool recurse = true)
        {
            Calls++;
            return [];
        }

        public override IEnumerable<(string name, nn.Module module)> named_children()
        {
            Calls++;
            return [];
        }
    }

    /// <summary>The lie by omission: a big layer used in forward but never registered, so nothing sees its weights.</summary>
    private sealed class UnregisteredLayer : nn.Module<Tensor, Tensor>
    {
        private readonly TorchSharp.Modules.Linear _hidden = nn.Linear(3072, 10);

        public UnregisteredLayer() : base(nameof(UnregisteredLayer))
        {
        }

        public override Tensor forward(Tensor input) => _hidden.forward(input.flatten(1));
    }

    /// <summary>A convolution written with the functional API: no Conv2d module anywhere.</summary>
    private sealed class HiddenConvolution : nn.Module<Tensor, Tensor>
    {
        private readonly TorchSharp.Modules.Parameter _kernel = new(randn(4, 3, 3, 3));

        public HiddenConvolution() : base(nameof(HiddenConvolution)) => RegisterComponents();

        public override Tensor forward(Tensor input) => nn.functional.conv2d(input, _kernel).flatten(1);
    }
}
