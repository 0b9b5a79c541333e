using System.Text;
using Grader.Sandbox.Compilation;
using Microsoft.Extensions.Options;

namespace Grader.Sandbox.Tests.Compilation;

public sealed class SubmissionLimitsTests
{
    private static readonly SubmissionCompiler Compiler =
        new(Options.Create(new SubmissionCompilerOptions { MaxSourceBytes = 4096, MaxFiles = 3 }), TimeProvider.System);

    [Fact]
    public void Compile_NoFiles_ReportsEmptySubmission()
    {
        var result = Compiler.Compile([]);

        Assert.Equal(CompileDiagnosticIds.EmptySubmission, SingleError(result).Id);
    }

    [Fact]
    public void Compile_OnlyWhitespace_ReportsEmptySubmission()
    {
        var result = Compiler.Compile([new SourceFile("a.cs", "  \n\t\n")]);

        Assert.Equal(CompileDiagnosticIds.EmptySubmission, SingleError(result).Id);
    }

    [Fact]
    public void Compile_OverSizeCap_RejectedWithSizesAndNoCompile()
    {
        // Far too large and not C# at all: a compile attempt would report syntax errors instead.
        var huge = new string('x', 5000);

        var result = Compiler.Compile([new SourceFile("a.cs", huge)]);

        var error = SingleError(result);
        Assert.Equal(CompileDiagnosticIds.SubmissionTooLarge, error.Id);
        Assert.Contains("5000 bytes", error.Message, StringComparison.Ordinal);
        Assert.Contains("4096", error.Message, StringComparison.Ordinal);
    }

    [Fact]
    public void Compile_SizeCapCountsUtf8BytesOfAllFiles()
    {
        // 1500 characters of 'é' are 3000 UTF-8 bytes; two such files exceed 4096 bytes together.
        var comment = "// " + new string('é', 1500);

        var result = Compiler.Compile([new SourceFile("a.cs", comment), new SourceFile("b.cs", comment)]);

        Assert.Equal(CompileDiagnosticIds.SubmissionTooLarge, SingleError(result).Id);
    }

    [Fact]
    public void Compile_TooManyFiles_Rejected()
    {
        var files = Enumerable.Range(0, 4).Select(i => new SourceFile($"f{i}.cs", $"class C{i} {{ }}")).ToList();

        var result = Compiler.Compile(files);

        var error = SingleError(result);
        Assert.Equal(CompileDiagnosticIds.TooManyFiles, error.Id);
        Assert.Contains("4 files", error.Message, StringComparison.Ordinal);
    }

    [Fact]
    public void Compile_NulByte_ReportsBinaryAtItsPosition()
    {
        var result = Compiler.Compile([new SourceFile("model.bin", "class C\n{\n  int x\0;\n}")]);

        var error = SingleError(result);
        Assert.Equal((CompileDiagnosticIds.NotText, "model.bin", 3, 8), (error.Id, error.File, error.Line, error.Column));
        Assert.Contains("binary", error.Message, StringComparison.Ordinal);
    }

    [Fact]
    public void Compile_InvalidUtf8Bytes_ReportsNotUtf8()
    {
        var bytes = Encoding.ASCII.GetBytes("class C { string s = \"").Concat(new byte[] { 0xC3, 0x28, 0xFF }).Concat(Encoding.ASCII.GetBytes("\"; }")).ToArray();

        var result = Compiler.Compile([SourceFile.FromUtf8("latin1.cs", bytes)]);

        var error = SingleError(result);
        Assert.Equal((CompileDiagnosticIds.NotText, 1), (error.Id, error.Line));
        Assert.Contains("UTF-8", error.Message, StringComparison.Ordinal);
    }

    [Fact]
    public void FromUtf8_ByteOrderMark_IsDropped()
    {
        var bytes = new byte[] { 0xEF, 0xBB, 0xBF }.Concat(Encoding.UTF8.GetBytes("class C { }")).ToArray();

        var file = SourceFile.FromUtf8("c.cs", bytes);

        Assert.Equal("class C { }", file.Text);
        Assert.True(Compiler.Compile([file]).Succeeded);
    }

    [Fact]
    public void Compile_DuplicateFileNames_Rejected()
    {
        var result = Compiler.Compile([new SourceFile("a.cs", "class A { }"), new SourceFile("a.cs", "class B { }")]);

        var error = SingleError(result);
        Assert.Equal((CompileDiagnosticIds.InvalidFileName, "a.cs"), (error.Id, error.File));
    }

    [Fact]
    public void Compile_ThousandsOfErrors_CappedWithSummary()
    {
        var compiler = new SubmissionCompiler(Options.Create(new SubmissionCompilerOptions()), TimeProvider.System);
        var garbage = string.Join('\n', Enumerable.Repeat("class { int }", 400));

        var result = compiler.Compile([new SourceFile("junk.cs", garbage)]);

        Assert.Equal(SubmissionCompiler.MaxDiagnostics + 1, result.Diagnostics.Count);
        Assert.Equal(CompileDiagnosticIds.DiagnosticsTruncated, result.Diagnostics[^1].Id);
    }

    private static CompileDiagnostic SingleError(CompileResult result)
    {
        Assert.False(result.Succeeded);
        Assert.Null(result.Assembly);
        return Assert.Single(result.Diagnostics);
    }
}
