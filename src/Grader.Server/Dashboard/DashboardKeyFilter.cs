using Grader.Core.Access;
using Hangfire.Dashboard;
using Microsoft.AspNetCore.DataProtection;
using Microsoft.AspNetCore.Http;

namespace Grader.Server.Dashboard;

/// <summary>
/// Lets only admin keys into the Hangfire dashboard: presented as <c>Authorization: Bearer &lt;key&gt;</c>
/// (scripts) or through the cookie <see cref="DashboardLogin"/> sets (browsers). The key is checked on every
/// request, so revoking it locks the dashboard at once.
/// </summary>
public sealed class DashboardKeyFilter(KeyService keys, IDataProtectionProvider protection) : IDashboardAsyncAuthorizationFilter
{
    public async Task<bool> AuthorizeAsync(DashboardContext context)
    {
        ArgumentNullException.ThrowIfNull(context);
        var http = context.GetHttpContext();
        var presented = PresentedKey(http, protection);
        if (presented is null) return false;
        var principal = await keys.AuthenticateAsync(presented, http.RequestAborted);
        return principal is { Role: Role.Admin };
    }

    private static string? PresentedKey(HttpContext http, IDataProtectionProvider protection)
    {
        var header = http.Request.Headers.Authorization.ToString();
        if (header.StartsWith("Bearer ", StringComparison.OrdinalIgnoreCase))
            return header["Bearer ".Length..].Trim();
        return http.Request.Cookies.TryGetValue(DashboardLogin.CookieName, out var cookie)
            ? DashboardLogin.Unprotect(protection, cookie)
            : null;
    }
}
