using System.Text.Json;
using System.Text.Json.Serialization;

namespace Grader.Data.Stores;

/// <summary>JSON for the result columns that are read whole (criteria, curves, diagnostics, epoch progress).</summary>
internal static class DataJson
{
    // A criterion that could not be measured carries NaN; JSON has no NaN unless allowed by name.
    public static readonly JsonSerializerOptions Options = new()
    {
        NumberHandling = JsonNumberHandling.AllowNamedFloatingPointLiterals,
        Converters = { new JsonStringEnumConverter() },
    };

    public static string Write<T>(T value) => JsonSerializer.Serialize(value, Options);

    public static T Read<T>(string json) =>
        JsonSerializer.Deserialize<T>(json, Options) ?? throw new JsonException($"Stored JSON for {typeof(T).Name} is null.");
}
