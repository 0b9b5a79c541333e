using System.Diagnostics.CodeAnalysis;
using System.Globalization;
using System.Net;

namespace Grader.Server.Hosting;

/// <summary>A parsed <see cref="ServerOptions.Listen"/> value.</summary>
/// <param name="Address">The IP address to bind (loopback for "localhost").</param>
/// <param name="Port">The port; 0 lets the OS choose.</param>
public sealed record ListenAddress(IPAddress Address, int Port)
{
    public static bool TryParse(string? value, [NotNullWhen(true)] out ListenAddress? address)
    {
        address = null;
        if (string.IsNullOrWhiteSpace(value)) return false;
        var colon = value.LastIndexOf(':');
        if (colon <= 0) return false;
        var host = value[..colon].Trim('[', ']');
        if (!int.TryParse(value[(colon + 1)..], NumberStyles.None, CultureInfo.InvariantCulture, out var port) || port > IPEndPoint.MaxPort)
            return false;
        if (string.Equals(host, "localhost", StringComparison.OrdinalIgnoreCase))
        {
            address = new ListenAddress(IPAddress.Loopback, port);
            return true;
        }
        if (!IPAddress.TryParse(host, out var ip)) return false;
        address = new ListenAddress(ip, port);
        return true;
    }
}
