using Grader.Core.Access;
using Grader.Core.Rubrics;
using Grader.Core.Submissions;

namespace Grader.Core.Tests.Submissions;

public sealed class SubmissionViewTests
{
    private static readonly DateTimeOffset Now = new(2026, 12, 4, 12, 0, 0, TimeSpan.Zero);

    [Fact]
    public void ForViewer_Learner_DoesNotSeeHiddenOrAfterDueCriteria()
    {
        var learner = new Principal("k1", Role.Learner, "c", "ada");

        var seen = SubmissionService.ForViewer(learner, Graded());

        Assert.Equal(["shown"], seen.Result!.Criteria.Select(c => c.Id));
        Assert.Equal(100, seen.Result.Score);
    }

    [Theory]
    [InlineData(Role.Instructor)]
    [InlineData(Role.Lms)]
    [InlineData(Role.Admin)]
    public void ForViewer_StaffAndIntegrations_SeeEveryCriterion(Role role)
    {
        var staff = new Principal("k2", role, "c", null);

        var seen = SubmissionService.ForViewer(staff, Graded());

        Assert.Equal(["shown", "secret", "later"], seen.Result!.Criteria.Select(c => c.Id));
    }

    private static Submission Graded() =>
        new("s1", "c", "mlp-vs-cnn", 1, "ada", SubmissionState.Succeeded, null, "h", "quick", "synthetic", 1, "k", Now, Now, Now, 1, 5,
            new SubmissionResult(SubmissionState.Succeeded, "", "ok", 100, 100, "synthetic", "cpu",
                [Criterion("shown", CriterionVisibility.Visible), Criterion("secret", CriterionVisibility.Hidden), Criterion("later", CriterionVisibility.AfterDue)],
                new Dictionary<string, double>(), [], [], "", 1),
            0, []);

    private static CriterionOutcome Criterion(string id, CriterionVisibility visibility) =>
        new(id, id, true, 10, 10, 1, ComparisonOperator.GreaterOrEqual, 1, "ok", visibility);
}
