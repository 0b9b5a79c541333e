namespace Grader.Cli.Configuration;

/// <summary>The "Content" section: the folder holding courses, lessons and exercises.</summary>
public sealed class ContentOptions
{
    public const string SectionName = "Content";

    /// <summary>Empty means: the nearest "content" folder above the working directory or the program.</summary>
    public string Root { get; set; } = "";
}
