namespace Grader.Sandbox.Tests.Compilation;

/// <summary>Learner submissions used by the compile tests. Line numbers matter to some tests; edit with care.</summary>
internal static class LearnerSources
{
    /// <summary>A lesson-01 solution in the shape the starter file suggests.</summary>
    public const string LessonSolution = """
        using Grader.Sdk;
        using TorchSharp;
        using static TorchSharp.torch;

        namespace Learner;

        public sealed class Solution : IMlpVsCnn
        {
            public nn.Module<Tensor, Tensor> BuildMlp() =>
                nn.Sequential(
                    ("flat", nn.Flatten()),
                    ("fc1", nn.Linear(3072, 32)),
                    ("relu", nn.ReLU()),
                    ("fc2", nn.Linear(32, 10)));

            public nn.Module<Tensor, Tensor> BuildCnn() =>
                nn.Sequential(
                    ("conv1", nn.Conv2d(3, 32, 3, padding: 1)),
                    ("relu1", nn.ReLU()),
                    ("pool1", nn.MaxPool2d(2)),
                    ("conv2", nn.Conv2d(32, 64, 3, padding: 1)),
                    ("relu2", nn.ReLU()),
                    ("gap", nn.AdaptiveAvgPool2d(1)),
                    ("flat", nn.Flatten()),
                    ("fc", nn.Linear(64, 10)));
        }
        """;

    /// <summary>A hand-written module plus ordinary base-library use: everything here is on the allow-list.</summary>
    public const string CustomModuleSolution = """
        using System;
        using System.Collections.Generic;
        using System.Linq;
        using System.Text;
        using Grader.Sdk;
        using TorchSharp;
        using TorchSharp.Modules;
        using static TorchSharp.torch;

        namespace Learner;

        public sealed class SmallCnn : nn.Module<Tensor, Tensor>
        {
            private readonly Conv2d conv1;
            private readonly Conv2d conv2;
            private readonly Linear head;

            public SmallCnn(int channels) : base(nameof(SmallCnn))
            {
                conv1 = nn.Conv2d(3, channels, 3, padding: 1);
                conv2 = nn.Conv2d(channels, channels * 2, 3, padding: 1);
                head = nn.Linear(channels * 2, 10);
                RegisterComponents();
            }

            public override Tensor forward(Tensor input)
            {
                using var scope = torch.NewDisposeScope();
                var x = nn.functional.relu(conv1.forward(input));
                x = nn.functional.max_pool2d(x, 2);
                x = nn.functional.relu(conv2.forward(x));
                x = x.mean(new long[] { 2, 3 });
                return head.forward(x).MoveToOuterDisposeScope();
            }

            protected override void Dispose(bool disposing)
            {
                if (disposing)
                {
                    conv1.Dispose();
                    conv2.Dispose();
                    head.Dispose();
                }

                base.Dispose(disposing);
            }
        }

        public sealed class Solution : IMlpVsCnn
        {
            private static readonly int[] Widths = [3072, 48, 10];

            public nn.Module<Tensor, Tensor> BuildMlp()
            {
                var layers = new List<(string, nn.Module<Tensor, Tensor>)> { ("flat", nn.Flatten()) };
                foreach (var (pair, index) in Widths.Zip(Widths.Skip(1)).Select((p, i) => (p, i)))
                {
                    layers.Add(($"fc{index}", nn.Linear(pair.First, pair.Second)));
                    if (index < Widths.Length - 2)
                    {
                        layers.Add(($"act{index}", nn.ReLU()));
                    }
                }

                var summary = new StringBuilder().Append("MLP widths: ").AppendJoin(", ", Widths);
                Console.WriteLine(summary.ToString());
                return nn.Sequential(layers.ToArray());
            }

            public nn.Module<Tensor, Tensor> BuildCnn()
            {
                var random = new Random(42);
                var channels = Math.Max(8, 16 + random.Next(0, 1));
                return new SmallCnn(channels);
            }
        }
        """;

    /// <summary>Wraps statements in a method; the first statement is on line <see cref="StatementLine"/>.</summary>
    public static string InMethod(string statements) => $$"""
        using System;
        using System.Collections.Generic;
        using TorchSharp;
        using static TorchSharp.torch;
        public static class Probe
        {
            public static void Run(Tensor tensor, nn.Module<Tensor, Tensor> model, object value)
            {
                {{statements}}
            }
        }
        """;

    public const int StatementLine = 9;
}
