using System.Collections.Immutable;
using System.Globalization;
using System.Text;
using Grader.Sandbox.Compilation.Policy;
using Microsoft.CodeAnalysis;
using Microsoft.CodeAnalysis.CSharp;
using Microsoft.CodeAnalysis.Text;
using Microsoft.Extensions.Options;

namespace Grader.Sandbox.Compilation;

/// <summary>
/// Compiles a learner's C# files into an in-memory DLL against Grader.Sdk, TorchSharp and a minimal base library,
/// and rejects code that binds to anything outside the learner API allow-list. No learner code runs here.
/// A compile error, a policy rejection or a timeout is a <see cref="CompileResult"/>, never an exception;
/// only the caller's own cancellation throws.
/// </summary>
public sealed class SubmissionCompiler
{
    /// <summary>More messages than this help nobody; the rest are summarised in one line.</summary>
    public const int MaxDiagnostics = 200;

    private static readonly CSharpParseOptions ParseOptions = new(LanguageVersion.Latest, DocumentationMode.None, SourceCodeKind.Regular);

    private static readonly CSharpCompilationOptions CompilationOptions = new CSharpCompilationOptions(
            OutputKind.DynamicallyLinkedLibrary,
            optimizationLevel: OptimizationLevel.Release,
            allowUnsafe: false,
            nullableContextOptions: NullableContextOptions.Enable,
            deterministic: true)
        .WithMetadataImportOptions(MetadataImportOptions.Public)
        // TorchSharp was built against older framework versions than the runtime we reference; that is expected.
        .WithSpecificDiagnosticOptions(ImmutableDictionary<string, ReportDiagnostic>.Empty
            .Add("CS1701", ReportDiagnostic.Suppress)
            .Add("CS1702", ReportDiagnostic.Suppress));

    private readonly SubmissionCompilerOptions options;
    private readonly TimeProvider timeProvider;
    private readonly PolicyChecker policy = new(ApiPolicy.LearnerCode);

    public SubmissionCompiler(IOptions<SubmissionCompilerOptions> options, TimeProvider timeProvider)
    {
        ArgumentNullException.ThrowIfNull(options);
        ArgumentNullException.ThrowIfNull(timeProvider);
        var validation = new SubmissionCompilerOptionsValidator().Validate(Options.DefaultName, options.Value);
        if (validation.Failed)
        {
            throw new OptionsValidationException(Options.DefaultName, typeof(SubmissionCompilerOptions), validation.Failures);
        }

        this.options = options.Value;
        this.timeProvider = timeProvider;
    }

    public CompileResult Compile(IReadOnlyList<SourceFile> files, CancellationToken cancellationToken = default)
    {
        ArgumentNullException.ThrowIfNull(files);
        var limits = SubmissionLimits.Check(files, options);
        if (limits.Count > 0)
        {
            return CompileResult.Failed(limits);
        }

        using var timeout = new CancellationTokenSource(options.Timeout, timeProvider);
        using var linked = CancellationTokenSource.CreateLinkedTokenSource(cancellationToken, timeout.Token);
        try
        {
            return CompileChecked(files, linked.Token);
        }
        catch (OperationCanceledException) when (!cancellationToken.IsCancellationRequested)
        {
            return CompileResult.Failed(
            [
                new CompileDiagnostic(CompileDiagnostic.Error, CompileDiagnosticIds.CompileTimeout,
                    $"Compilation took too long (the limit is {options.Timeout.TotalSeconds:0.#} s); simplify the code.", string.Empty, 0, 0),
            ]);
        }
    }

    private CompileResult CompileChecked(IReadOnlyList<SourceFile> files, CancellationToken cancellationToken)
    {
        cancellationToken.ThrowIfCancellationRequested();
        var trees = files
            .Select(file => CSharpSyntaxTree.ParseText(SourceText.From(file.Text, Encoding.UTF8), ParseOptions, file.Path, cancellationToken))
            .ToList();
        var compilation = CSharpCompilation.Create(
            "Submission-" + Guid.NewGuid().ToString("N"), trees, LearnerReferences.All, CompilationOptions);

        var diagnostics = compilation.GetDiagnostics(cancellationToken).Select(ToDiagnostic).OfType<CompileDiagnostic>().ToList();
        diagnostics.AddRange(policy.Check(compilation, cancellationToken).Select(ToDiagnostic));

        byte[]? image = null;
        if (!diagnostics.Any(d => d.IsError))
        {
            using var stream = new MemoryStream();
            var emitted = compilation.Emit(stream, cancellationToken: cancellationToken);
            // Emit repeats the compile diagnostics; only its own errors are new.
            var known = diagnostics.ToHashSet();
            diagnostics.AddRange(emitted.Diagnostics.Select(ToDiagnostic).OfType<CompileDiagnostic>().Where(d => !known.Contains(d)));
            image = emitted.Success ? stream.ToArray() : null;
        }

        var ordered = Order(diagnostics, files);
        return new CompileResult(image is not null, image, ordered);
    }

    private static List<CompileDiagnostic> Order(List<CompileDiagnostic> diagnostics, IReadOnlyList<SourceFile> files)
    {
        var fileOrder = files.Select((file, index) => (file.Path, index)).ToDictionary(p => p.Path, p => p.index, StringComparer.Ordinal);
        var ordered = diagnostics
            .OrderBy(d => d.IsError ? 0 : 1)
            .ThenBy(d => fileOrder.GetValueOrDefault(d.File, -1))
            .ThenBy(d => d.Line)
            .ThenBy(d => d.Column)
            .ToList();
        if (ordered.Count <= MaxDiagnostics)
        {
            return ordered;
        }

        var shown = ordered.Take(MaxDiagnostics).ToList();
        shown.Add(new CompileDiagnostic(CompileDiagnostic.Warning, CompileDiagnosticIds.DiagnosticsTruncated,
            $"{ordered.Count - MaxDiagnostics} more diagnostics are not shown.", string.Empty, 0, 0));
        return shown;
    }

    private static CompileDiagnostic? ToDiagnostic(Diagnostic diagnostic)
    {
        var severity = diagnostic.Severity switch
        {
            DiagnosticSeverity.Error => CompileDiagnostic.Error,
            DiagnosticSeverity.Warning when !diagnostic.IsSuppressed => CompileDiagnostic.Warning,
            _ => null,
        };
        return severity is null
            ? null
            : At(diagnostic.Location, severity, diagnostic.Id, diagnostic.GetMessage(CultureInfo.InvariantCulture));
    }

    private static CompileDiagnostic ToDiagnostic(PolicyViolation violation) =>
        At(violation.Location, CompileDiagnostic.Error, violation.Rule.Id, violation.Message);

    // GetLineSpan ignores #line directives, so learner code cannot move a message to another file or line.
    private static CompileDiagnostic At(Location location, string severity, string id, string message)
    {
        if (!location.IsInSource)
        {
            return new CompileDiagnostic(severity, id, message, string.Empty, 0, 0);
        }

        var span = location.GetLineSpan();
        return new CompileDiagnostic(severity, id, message, span.Path, span.StartLinePosition.Line + 1, span.StartLinePosition.Character + 1);
    }
}
