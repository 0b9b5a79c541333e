using System.Globalization;
using YamlDotNet.Core;

namespace Grader.Core.Exercises;

/// <summary>Collects every problem found in one exercise file so an author can fix them all in one pass.</summary>
internal sealed class YamlProblems
{
    private readonly List<string> _items = [];

    public IReadOnlyList<string> Items => _items;

    public bool Any => _items.Count > 0;

    public void Add(string path, Mark at, string message) =>
        _items.Add(string.Create(CultureInfo.InvariantCulture, $"{path}: {message} (line {at.Line}, column {at.Column})"));

    public void AddGeneral(string message) => _items.Add(message);
}
