using System.Security.Cryptography;
using Grader.Core.Access;
using Microsoft.AspNetCore.DataProtection;
using Microsoft.AspNetCore.Http;

namespace Grader.Server.Dashboard;

/// <summary>
/// Browser log-in to the dashboard: open <c>/hangfire?key=&lt;admin key&gt;</c> once. An admin key is stored in
/// an encrypted, HTTP-only, same-site cookie scoped to the dashboard path, and the browser is redirected to the
/// same page without the key in its address. Anything else is 401 and sets nothing.
/// </summary>
public sealed class DashboardLogin(KeyService keys, IDataProtectionProvider protection)
{
    public const string CookieName = "grader_dashboard";
    private const string Purpose = "Grader.Server.Dashboard.v1";

    public async Task<bool> TryHandleAsync(HttpContext http, string dashboardPath)
    {
        ArgumentNullException.ThrowIfNull(http);
        if (!http.Request.Path.StartsWithSegments(dashboardPath) || !http.Request.Query.TryGetValue("key", out var values))
            return false;

        var principal = await keys.AuthenticateAsync(values.ToString(), http.RequestAborted);
        if (principal is not { Role: Role.Admin })
        {
            http.Response.StatusCode = StatusCodes.Status401Unauthorized;
            await http.Response.WriteAsync("The dashboard needs a valid admin key.", http.RequestAborted);
            return true;
        }

        http.Response.Cookies.Append(CookieName, protection.CreateProtector(Purpose).Protect(values.ToString()), new CookieOptions
        {
            HttpOnly = true,
            SameSite = SameSiteMode.Strict,
            Secure = http.Request.IsHttps,
            Path = dashboardPath,
        });
        var rest = http.Request.Query.Where(q => q.Key != "key").Select(q => $"{Uri.EscapeDataString(q.Key)}={Uri.EscapeDataString(q.Value.ToString())}");
        var query = string.Join('&', rest);
        http.Response.Redirect($"{http.Request.PathBase}{http.Request.Path}{(query.Length > 0 ? "?" + query : "")}");
        return true;
    }

    /// <summary>The key inside a cookie this server issued; null for a forged, stale or foreign cookie.</summary>
    public static string? Unprotect(IDataProtectionProvider protection, string cookie)
    {
        ArgumentNullException.ThrowIfNull(protection);
        try
        {
            return protection.CreateProtector(Purpose).Unprotect(cookie);
        }
        catch (CryptographicException)
        {
            return null;
        }
    }
}
