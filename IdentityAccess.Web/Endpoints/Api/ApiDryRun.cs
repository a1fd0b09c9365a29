using IdentityAccess.Core.Provisioning;
using IdentityAccess.Core.Provisioning.Engine;
using IdentityAccess.Web.Components.AccessSettings;
using IdentityAccess.Web.Components.Shared;

namespace IdentityAccess.Web.Endpoints.Api;

/// <summary>
/// A dry run as the API shows it: the review dialog's diff (one group per kind of change, in the dialog's order and
/// sorted as it sorts them), the people whose change the mass-change safeguard holds, the refusals, whether the apply
/// needs <c>confirm</c> (and the number), and the <see cref="Fingerprint"/> an apply sends back. The people are one
/// page (<see cref="ApiDryRunPage"/>) of each list, counts whole; <see cref="NextCursor"/> asks the dry run for the next.
/// </summary>
internal sealed record ApiDryRun(string? Fingerprint, int SettingsVersion, bool CanApply, bool NeedsConfirmation, int AffectedOthers,
    IReadOnlyList<ApiChangeGroup> Changes, IReadOnlyList<ApiPersonChange> Held, int HeldCount, IReadOnlyList<ApiRefusal> Refusals, string? NextCursor)
{
    /// <summary>The dry run's first page; refusals about the apply itself (an outdated fingerprint, a missing confirmation) are the problem's, not the diff's.</summary>
    public static ApiDryRun From(ProvisioningPreview preview) => From(preview, ApiDryRunPage.First);

    public static ApiDryRun From(ProvisioningPreview preview, ApiDryRunPage page)
    {
        var refusals = preview.Errors.Where(e => e is not DryRunOutdated and not ConfirmationRequired).ToList();
        var plan = preview.Plan;
        var fingerprint = FingerprintOf(preview);
        var groups = plan is null ? [] : ChangeLabels.Order.Select(kind => (Kind: kind, People: plan.With(kind))).Where(g => g.People.Count > 0).ToList();
        var held = plan is null ? [] : plan.Outcomes.Where(o => o.Reasons.Any(r => r.Code == ReasonCode.HeldBySafeguard)).ToList();
        var longest = groups.Select(g => g.People.Count).Append(held.Count).Max();
        return new(fingerprint, plan?.Organization.SettingsVersion ?? 0,
            refusals.Count == 0 && plan is not null, preview.NeedsTypedConfirmation, preview.AffectedOthers,
            [.. groups.Select(g => new ApiChangeGroup(g.Kind.ToString(), g.People.Count, [.. page.Of(Sorted(g.People)).Select(ApiPersonChange.From)]))],
            [.. page.Of(Sorted(held)).Select(ApiPersonChange.From)], held.Count,
            [.. refusals.Select(ApiRefusal.From)], page.NextCursor(fingerprint, longest));
    }

    public static string? FingerprintOf(ProvisioningPreview preview) =>
        preview.Plan is { } plan ? PreviewFingerprint.Of(plan, preview.AffectedOthers) : null;

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
