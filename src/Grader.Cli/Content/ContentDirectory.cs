using Grader.Core.Exercises;
using Grader.Data.Content;

namespace Grader.Cli.Content;

/// <summary>The content folder as the command line needs it: located and read, with one-line errors.</summary>
public sealed class ContentDirectory
{
    private ContentDirectory(string root) => Root = root;

    public string Root { get; }

    /// <summary>The configured root, or the nearest "content" folder above the working directory or the program.</summary>
    public static ContentDirectory Locate(ContentOptions options)
    {
        ArgumentNullException.ThrowIfNull(options);
        try
        {
            return new ContentDirectory(ContentLoader.LocateRoot(options.Root));
        }
        catch (DirectoryNotFoundException ex)
        {
            throw new CliException($"{ex.Message} Pass --content <dir> or set GRADER_Content__Root.");
        }
    }

    public ExerciseCatalog LoadExercises()
    {
        try
        {
            return ContentLoader.LoadExercises(Root);
        }
        catch (ExerciseFormatException ex)
        {
            throw new CliException($"invalid exercise file: {ex.Message}");
        }
    }
}
