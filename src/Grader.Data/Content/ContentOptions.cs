namespace Grader.Data.Content;

/// <summary>The "Content" section (shared with the CLI): the folder holding courses, lessons, exercises and progression.yaml.</summary>
public sealed class ContentOptions
{
    public const string SectionName = "Content";

    /// <summary>Empty means: the nearest "content" folder above the working directory or the program.</summary>
    public string Root { get; set; } = "";
}
