using System.Globalization;
using Google.Protobuf;
using Grader.Contracts.Runner.V1;
using Grader.Datasets;

namespace Grader.Sandbox.Grading;

/// <summary>
/// Checks everything one run's runner reports before any of it is believed, and turns the test predictions into
/// accuracies with the labels only the host holds. Events are checked as they arrive (<see cref="Observe"/>, on
/// the pipe-reading thread), the final event after the run (<see cref="Complete"/>, <see cref="CheckFailure"/>).
/// The first problem sticks: a runner caught once is not believed again.
/// </summary>
internal sealed class RunnerReportChecker
{
    private static readonly string[] Devices = ["cpu", "cuda"];

    private readonly RunnerReportRules rules;
    private readonly LabelledImages test;
    private readonly int epochs;
    private readonly string dataset;
    private readonly Dictionary<string, List<EpochCompleted>> curves = new(StringComparer.Ordinal);
    private readonly Lock gate = new();
    private int modelIndex;
    private bool started;

    public RunnerReportChecker(RunnerReportRules rules, LabelledImages test, int epochs, string dataset)
    {
        this.rules = rules;
        this.test = test;
        this.epochs = epochs;
        this.dataset = dataset;
    }

    /// <summary>Why the runner is not believed, if it is not.</summary>
    public string? Violation { get; private set; }

    /// <summary>
    /// Whether <see cref="Violation"/> is the platform's fault rather than the learner's: the runner sends Started
    /// before any learner code runs, so a wrong Started is a bug of ours.
    /// </summary>
    public bool ViolationIsPlatformFault { get; private set; }

    /// <summary>
    /// Checks one event. Returns what the host's own listeners should see (an epoch with its test accuracy filled
    /// in and the raw predictions dropped), or null when the event breaks the rules (see <see cref="Violation"/>).
    /// </summary>
    public RunnerEvent? Observe(RunnerEvent runnerEvent)
    {
        lock (gate)
        {
            if (Violation is not null)
                return null;
            var problem = runnerEvent.EventCase switch
            {
                RunnerEvent.EventOneofCase.Started => CheckStarted(runnerEvent.Started),
                RunnerEvent.EventOneofCase.EpochCompleted => CheckEpoch(runnerEvent.EpochCompleted),
                _ => started ? null : $"a {runnerEvent.EventCase} event before Started",
            };
            if (problem is not null)
            {
                Violation = problem;
                return null;
            }

            if (runnerEvent.EventCase != RunnerEvent.EventOneofCase.EpochCompleted)
                return runnerEvent;
            var epoch = runnerEvent.EpochCompleted.Clone();
            epoch.TestAccuracy = test.AccuracyOf(epoch.TestPredictions.Span);
            epoch.TestPredictions = ByteString.Empty;
            return new RunnerEvent { EpochCompleted = epoch };
        }
    }

    /// <summary>
    /// Checks the final RunCompleted against everything seen before it and returns the measurements and curves to
    /// judge, test accuracies included; null when the report breaks the rules (see <see cref="Violation"/>).
    /// </summary>
    public CheckedReport? Complete(RunCompleted completed)
    {
        lock (gate)
        {
            if (Violation is null && CheckCompleted(completed) is { } problem)
                Violation = problem;
            return Violation is null ? Build(completed) : null;
        }
    }

    /// <summary>Checks a RunFailed: a reason the grader may give and a message of sane length. Returns the message to show.</summary>
    public string? CheckFailure(RunFailed failed)
    {
        lock (gate)
        {
            if (Violation is null && !rules.FailureReasons.Contains(failed.Reason))
                Violation = $"RunFailed with reason '{Printable(failed.Reason)}', which grader {rules.Grader} does not give";
            if (Violation is not null)
                return null;
            return failed.Message.Length <= RunnerReportRules.MaxFailureMessageLength
                ? failed.Message
                : failed.Message[..RunnerReportRules.MaxFailureMessageLength] + "…";
        }
    }

    private string? CheckStarted(Started s)
    {
        if (started)
            return "a second Started event";
        started = true;
        string? problem = null;
        if (s.Dataset != dataset)
            problem = $"Started names dataset '{Printable(s.Dataset)}', not '{dataset}'";
        else if (s.TestExamples != test.Count)
            problem = $"Started counts {s.TestExamples} test images, the job holds {test.Count}";
        else if (s.TrainExamples <= 0)
            problem = $"Started counts {s.TrainExamples} training images";
        else if (!Devices.Contains(s.Device, StringComparer.Ordinal))
            problem = $"Started names device '{Printable(s.Device)}'";
        ViolationIsPlatformFault = problem is not null;
        return problem;
    }

    private string? CheckEpoch(EpochCompleted e)
    {
        if (!started)
            return "an EpochCompleted event before Started";
        if (modelIndex >= rules.Models.Count)
            return $"an EpochCompleted event for '{Printable(e.Model)}' after every model finished";

        // Models train one after the other, each for every epoch; a model that stops early ends the run.
        var expected = rules.Models[modelIndex];
        var done = curves.TryGetValue(expected, out var seen) ? seen.Count : 0;
        if (e.Model != expected)
        {
            if (done == 0 || modelIndex + 1 >= rules.Models.Count || e.Model != rules.Models[modelIndex + 1])
                return $"an EpochCompleted event for model '{Printable(e.Model)}' where epoch {done + 1} of '{expected}' was due";
            return $"model '{expected}' stopped after {done} of {epochs} epochs and '{e.Model}' began";
        }

        if (e.Epoch != done + 1 || e.Epochs != epochs)
            return $"'{expected}' reported epoch {e.Epoch}/{e.Epochs} where {done + 1}/{epochs} was due";
        if (!double.IsFinite(e.TrainLoss) || e.TrainLoss < 0)
            return $"'{expected}' epoch {e.Epoch} has training loss {Number(e.TrainLoss)}";
        if (!Fraction(e.TrainAccuracy))
            return $"'{expected}' epoch {e.Epoch} has training accuracy {Number(e.TrainAccuracy)}, outside [0, 1]";
        if (!double.IsFinite(e.Seconds) || e.Seconds < 0)
            return $"'{expected}' epoch {e.Epoch} took {Number(e.Seconds)} s";
        if (e.TestAccuracy != 0)
            return $"'{expected}' epoch {e.Epoch} claims a test accuracy; only the host can know it";
        if (CheckPredictions(e.TestPredictions, $"'{expected}' epoch {e.Epoch}") is { } bad)
            return bad;

        if (seen is null)
            curves[expected] = seen = [];
        seen.Add(e);
        if (seen.Count == epochs)
            modelIndex++;
        return null;
    }

    private string? CheckCompleted(RunCompleted completed)
    {
        if (!started)
            return "RunCompleted before Started";
        if (modelIndex < rules.Models.Count)
            return $"RunCompleted while model '{rules.Models[modelIndex]}' has {CountOf(rules.Models[modelIndex])} of {epochs} epochs";

        var expected = rules.Models.SelectMany(m => rules.Measurements.Keys.Select(k => $"{m}.{k}")).ToHashSet(StringComparer.Ordinal);
        if (completed.Measurements.Keys.FirstOrDefault(k => !expected.Contains(k)) is { } unexpected)
            return $"RunCompleted reports '{Printable(unexpected)}', which grader {rules.Grader} does not measure";
        if (expected.FirstOrDefault(k => !completed.Measurements.ContainsKey(k)) is { } missing)
            return $"RunCompleted lacks '{missing}'";
        foreach (var (name, value) in completed.Measurements)
        {
            var range = rules.Measurements[name[(name.IndexOf('.', StringComparison.Ordinal) + 1)..]];
            if (!range.Contains(value))
                return $"'{name}' is {Number(value)}, not {range}";
        }

        foreach (var model in rules.Models)
        {
            // The final training accuracy is the last epoch's; a runner that says otherwise contradicts itself.
            if (completed.Measurements[$"{model}.train_accuracy"] != curves[model][^1].TrainAccuracy)
                return $"'{model}.train_accuracy' differs from its last epoch's";
        }

        if (completed.TestPredictions.Keys.FirstOrDefault(k => !rules.Models.Contains(k, StringComparer.Ordinal)) is { } stranger)
            return $"RunCompleted has predictions for '{Printable(stranger)}', which is not a model of grader {rules.Grader}";
        foreach (var model in rules.Models)
        {
            if (!completed.TestPredictions.TryGetValue(model, out var predictions))
                return $"RunCompleted has no final predictions for '{model}'";
            if (CheckPredictions(predictions, $"the final '{model}'") is { } bad)
                return bad;
        }

        return null;
    }

    private string? CheckPredictions(ByteString predictions, string what)
    {
        if (predictions.Length != test.Count)
            return $"{what} has {predictions.Length} test predictions for {test.Count} test images";
        var at = predictions.Span.IndexOfAnyInRange((byte)ImageFormat.Classes, byte.MaxValue);
        return at < 0 ? null : $"{what} predicts class {predictions.Span[at]} for test image {at}; classes are 0..{ImageFormat.Classes - 1}";
    }

    private CheckedReport Build(RunCompleted completed)
    {
        var measurements = new Dictionary<string, double>(completed.Measurements, StringComparer.Ordinal);
        var built = new List<(string, IReadOnlyList<double>)>();
        foreach (var model in rules.Models)
        {
            var seen = curves[model];
            measurements[$"{model}.test_accuracy"] = test.AccuracyOf(completed.TestPredictions[model].Span);
            built.Add(($"{model}.train_loss", seen.Select(e => e.TrainLoss).ToList()));
            built.Add(($"{model}.train_accuracy", seen.Select(e => e.TrainAccuracy).ToList()));
            built.Add(($"{model}.test_accuracy", seen.Select(e => test.AccuracyOf(e.TestPredictions.Span)).ToList()));
        }

        return new CheckedReport(measurements, built);
    }

    private int CountOf(string model) => curves.TryGetValue(model, out var seen) ? seen.Count : 0;

    private static bool Fraction(double value) => double.IsFinite(value) && value is >= 0 and <= 1;

    private static string Number(double value) => value.ToString("R", CultureInfo.InvariantCulture);

    // Names from the runner end up in messages: keep them short and printable.
    private static string Printable(string text)
    {
        var clean = new string(text.Take(64).Select(c => char.IsControl(c) ? '?' : c).ToArray());
        return text.Length > 64 ? clean + "…" : clean;
    }
}
