using System.Text.Json;

namespace Grader.Sandbox.Tests.Hostile;

/// <summary>One row of Submissions/expectations.json: a hostile submission and the verdict it must get.</summary>
public sealed record HostileExpectation(
    string File,
    string Covers,
    string Reason,
    string? Diagnostic = null,
    IReadOnlyList<string>? FailedCriteria = null,
    string? SummaryContains = null)
{
    private static readonly JsonSerializerOptions Json = new() { PropertyNameCaseInsensitive = true };

    public static string Directory => Path.Combine(AppContext.BaseDirectory, "Hostile", "Submissions");

    /// <summary>Rejected before anything runs: these grade in milliseconds.</summary>
    public bool RejectedAtCompileTime => Reason == "compile_error";

    public static IReadOnlyList<HostileExpectation> All { get; } = Load();

    public string Source() => System.IO.File.ReadAllText(Path.Combine(Directory, File));

    public override string ToString() => File;

    private static List<HostileExpectation> Load()
    {
        using var document = JsonDocument.Parse(System.IO.File.ReadAllText(Path.Combine(Directory, "expectations.json")));
        return document.RootElement.GetProperty("submissions").Deserialize<List<HostileExpectation>>(Json)
            ?? throw new InvalidOperationException("expectations.json has no submissions");
    }
}
