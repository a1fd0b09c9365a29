using IdentityAccess.Core.Provisioning;
using IdentityAccess.Core.Provisioning.Engine;
using IdentityAccess.Web.Components.AccessSettings;
using IdentityAccess.Web.Components.Shared;

namespace IdentityAccess.Web.Endpoints.Api;

/// <summary>
/// A dry run as the API shows it: the review dialog's diff (one group per kind of change, in the dialog's order and
/// sorted as it sorts them), the people whose change the mass-change safeguard holds, the refusals, whether the apply
/// needs <c>confirm</c> (and the number), and the <see cref="Fingerprint"/> an apply sends back.
/// </summary>
internal sealed record ApiDryRun(string? Fingerprint, int SettingsVersion, bool CanApply, bool NeedsConfirmation, int AffectedOthers,
    IReadOnlyList<ApiChangeGroup> Changes, IReadOnlyList<ApiPersonChange> Held, IReadOnlyList<ApiRefusal> Refusals)
{
    /// <summary>The dry run; refusals about the apply itself (an outdated fingerprint, a missing confirmation) are the problem's, not the diff's.</summary>
    public static ApiDryRun From(ProvisioningPreview preview)
    {
        var refusals = preview.Errors.Where(e => e is not DryRunOutdated and not ConfirmationRequired).ToList();
        var plan = preview.Plan;
        return new(plan is null ? null : PreviewFingerprint.Of(plan, preview.AffectedOthers), plan?.Organization.SettingsVersion ?? 0,
            refusals.Count == 0 && plan is not null, preview.NeedsTypedConfirmation, preview.AffectedOthers,
            plan is null ? [] : [.. ChangeLabels.Order.Select(kind => Group(kind, plan.With(kind))).Where(g => g.Count > 0)],
            plan is null ? [] : [.. Sorted(plan.Outcomes.Where(o => o.Reasons.Any(r => r.Code == ReasonCode.HeldBySafeguard))).Select(ApiPersonChange.From)],
            [.. refusals.Select(ApiRefusal.From)]);
    }

    private static ApiChangeGroup Group(ChangeKind kind, IReadOnlyList<PersonOutcome> people) =>
        new(kind.ToString(), people.Count, [.. Sorted(people).Select(ApiPersonChange.From)]);

    // As the dialog lists them: by name as a person reads it, then by address.
    private static IEnumerable<PersonOutcome> Sorted(IEnumerable<PersonOutcome> people) =>
        people.OrderBy(o => o.Person.DisplayName, NaturalOrder.Instance).ThenBy(o => o.Person.Email, StringComparer.OrdinalIgnoreCase);
}

internal sealed record ApiChangeGroup(string Change, int Count, IReadOnlyList<ApiPersonChange> People);

/// <summary>One person in the diff: their membership now and after, every change, and the engine's reasons (code and English).</summary>
internal sealed record ApiPersonChange(Guid? PersonId, string Email, string Name, ApiMembershipState? Before, ApiMembershipState? After,
    IReadOnlyList<string> Changes, bool AtNextSignIn, IReadOnlyList<ApiReason> Reasons)
{
    public static ApiPersonChange From(PersonOutcome outcome)
    {
        var (before, after) = (outcome.Person.Membership, outcome.Desired);
        return new(outcome.Person.PersonId, outcome.Person.Email, outcome.Person.DisplayName,
            before is null ? null : new ApiMembershipState(before.Role.ToString(), before.Tier?.ToString(), before.Status.ToString()),
            after is null ? null : new ApiMembershipState(after.Role.ToString(), after.Tier?.ToString(), after.Status.ToString()),
            [.. outcome.Changes.Select(c => c.ToString())], outcome.AtNextSignIn, [.. outcome.Reasons.Select(r => new ApiReason(r.Code.ToString(), r.Text))]);
    }
}

internal sealed record ApiMembershipState(string Role, string? Tier, string Status);

internal sealed record ApiReason(string Code, string Detail);
