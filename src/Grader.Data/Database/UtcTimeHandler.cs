using System.Data;
using System.Globalization;
using Dapper;

namespace Grader.Data.Database;

/// <summary>
/// Timestamps in UTC on both databases. Callers pass UTC values (from <see cref="TimeProvider.GetUtcNow"/>); SQLite
/// keeps them as Microsoft.Data.Sqlite's ISO-8601 text (<c>2026-03-02 09:00:00.1234567+00:00</c>, the offset always
/// +00:00, so text order is time order for ranges and keyset paging), PostgreSQL as <c>timestamptz</c>.
/// </summary>
internal sealed class UtcTimeHandler : SqlMapper.TypeHandler<DateTimeOffset>
{
    public override void SetValue(IDbDataParameter parameter, DateTimeOffset value)
    {
        ArgumentNullException.ThrowIfNull(parameter);

        // Both providers format a UTC DateTimeOffset themselves (Npgsql accepts only offset 0 for timestamptz).
        parameter.Value = value.ToUniversalTime();
    }

    public override DateTimeOffset Parse(object value) => value switch
    {
        string text => DateTimeOffset.Parse(text, CultureInfo.InvariantCulture, DateTimeStyles.AssumeUniversal).ToUniversalTime(),
        DateTime time => new DateTimeOffset(DateTime.SpecifyKind(time, DateTimeKind.Utc)),
        DateTimeOffset offset => offset.ToUniversalTime(),
        _ => throw new DataException($"Cannot read a timestamp from a {value?.GetType().Name ?? "null"}."),
    };
}
