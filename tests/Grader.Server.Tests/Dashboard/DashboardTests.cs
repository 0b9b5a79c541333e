using System.Net;
using Grader.Core.Access;
using Grader.Server.Tests.Hosting;

namespace Grader.Server.Tests.Dashboard;

/// <summary>The Hangfire dashboard is served, to admin keys only.</summary>
public sealed class DashboardTests(ApiServerFixture server) : IClassFixture<ApiServerFixture>
{
    private Uri Dashboard => new(server.App.DashboardAddress()!, "/hangfire");

    [Fact]
    public async Task Dashboard_WithoutKey_IsUnauthorized()
    {
        using var http = new HttpClient();

        var response = await http.GetAsync(Dashboard);

        Assert.Equal(HttpStatusCode.Unauthorized, response.StatusCode);
    }

    [Fact]
    public async Task Dashboard_LearnerKey_IsUnauthorizedAndSetsNoCookie()
    {
        using var http = new HttpClient();
        var key = await server.KeyAsync(Role.Learner, ServerFixture.Course, "curious-learner");

        var login = await http.GetAsync(new Uri(Dashboard, $"?key={key}"));
        var bearer = await http.SendAsync(new HttpRequestMessage(HttpMethod.Get, Dashboard) { Headers = { { "Authorization", $"Bearer {key}" } } });

        Assert.Equal(HttpStatusCode.Unauthorized, login.StatusCode);
        Assert.False(login.Headers.Contains("Set-Cookie"));
        Assert.Equal(HttpStatusCode.Unauthorized, bearer.StatusCode);
    }

    [Fact]
    public async Task Dashboard_AdminKeyOnce_SetsCookieRedirectsWithoutKeyAndServesThePage()
    {
        using var handler = new HttpClientHandler { AllowAutoRedirect = false };
        using var http = new HttpClient(handler);
        var key = await server.KeyAsync(Role.Admin, course: null);

        var login = await http.GetAsync(new Uri(Dashboard, $"?key={key}"));
        var location = login.Headers.Location ?? throw new Xunit.Sdk.XunitException("no redirect");
        var page = await http.GetAsync(location.IsAbsoluteUri ? location : new Uri(Dashboard, location));

        Assert.Equal(HttpStatusCode.Redirect, login.StatusCode);
        Assert.DoesNotContain(key, location.OriginalString, StringComparison.Ordinal);
        Assert.Equal(HttpStatusCode.OK, page.StatusCode);
        Assert.Contains("Grader jobs", await page.Content.ReadAsStringAsync(), StringComparison.Ordinal);
    }
}
