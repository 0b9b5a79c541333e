using System.Globalization;
using Grader.Contracts.Runner.V1;
using Grader.Contracts.V1;
using Grader.Core.Rubrics;
using Grader.Sandbox.Grading;
using Spectre.Console;

namespace Grader.Cli.Grading;

/// <summary>Human output of <c>grader grade</c>: a line per epoch while training, then the verdict table.</summary>
public sealed class ResultPrinter
{
    private readonly IAnsiConsole _console;

    public ResultPrinter(TextWriter output) =>
        _console = AnsiConsole.Create(new AnsiConsoleSettings { Out = new AnsiConsoleOutput(output) });

    public void Header(GradeRequest request)
    {
        ArgumentNullException.ThrowIfNull(request);
        _console.MarkupLineInterpolated($"[bold]{request.Exercise.Title}[/] ({request.Exercise.Id} v{request.Exercise.Version}) · profile {request.Profile} · dataset {request.Dataset} · seed {request.Seed}");
        _console.MarkupLine("[grey]compiling…[/]");
    }

    public void Progress(RunnerEvent e)
    {
        ArgumentNullException.ThrowIfNull(e);
        switch (e.EventCase)
        {
            case RunnerEvent.EventOneofCase.Started:
                _console.MarkupLineInterpolated($"[grey]training on {e.Started.Device}: {e.Started.Dataset}, {e.Started.TrainExamples} training / {e.Started.TestExamples} test images[/]");
                break;
            case RunnerEvent.EventOneofCase.EpochCompleted:
                var p = e.EpochCompleted;
                _console.MarkupLineInterpolated(CultureInfo.InvariantCulture,
                    $"  {p.Model.ToUpperInvariant(),-3} epoch {p.Epoch,2}/{p.Epochs}  loss {p.TrainLoss,6:0.000}  train {p.TrainAccuracy,6:P1}  test {p.TestAccuracy,6:P1}  [grey]{p.Seconds:0.0} s[/]");
                break;
        }
    }

    public void Result(GradingResult result)
    {
        ArgumentNullException.ThrowIfNull(result);
        foreach (var d in result.Diagnostics)
        {
            var colour = d.Severity == "error" ? "red" : "yellow";
            _console.MarkupLineInterpolated($"[{colour}]{d.File}({d.Line},{d.Column}): {d.Severity} {d.Id}: {d.Message}[/]");
        }

        if (result.Criteria.Count > 0)
        {
            var table = new Table().Border(TableBorder.Rounded)
                .AddColumn("Criterion").AddColumn("Result").AddColumn(new TableColumn("Measured").RightAligned())
                .AddColumn("Threshold").AddColumn(new TableColumn("Points").RightAligned());
            foreach (var c in result.Criteria)
            {
                table.AddRow(
                    new Markup(Markup.Escape(c.Title)),
                    new Markup(c.Passed ? "[green]pass[/]" : "[red]FAIL[/]"),
                    new Text(MeasurementFormat.Format(c.Measured)),
                    new Text($"{c.Comparison} {MeasurementFormat.Format(c.Threshold)}"),
                    new Text($"{c.Points:0}/{c.MaxPoints:0}"));
            }
            _console.Write(table);
            foreach (var c in result.Criteria.Where(c => !c.Passed))
                _console.MarkupLineInterpolated($"[red]✗ {c.Id}[/]: {c.Feedback}");
        }

        if (result.State != GradingState.Succeeded && result.Logs.Length > 0)
        {
            _console.MarkupLine("[grey]output of the submission (capped):[/]");
            _console.WriteLine(result.Logs.TrimEnd());
        }

        var (label, colour2) = result.State switch
        {
            GradingState.Succeeded => ("PASSED", "green"),
            GradingState.Failed => ("FAILED", "red"),
            _ => ("ERROR", "yellow"),
        };
        var score = result.MaxScore > 0 ? $" {result.Score:0}/{result.MaxScore:0}" : "";
        var reason = result.Reason.Length > 0 && result.State != GradingState.Succeeded ? $" [{result.Reason}]" : "";
        _console.MarkupLineInterpolated(CultureInfo.InvariantCulture, $"[bold {colour2}]{label}[/]{score}{reason} · {result.Summary} · {result.Dataset} dataset · {result.ElapsedSeconds:0.0} s");
    }
}
