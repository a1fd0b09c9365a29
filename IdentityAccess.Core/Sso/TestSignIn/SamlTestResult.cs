using System.Text.Json;
using System.Text.Json.Serialization;

namespace IdentityAccess.Core.Sso.TestSignIn;

/// <summary>
/// What a test sign-in found: each check of the validation list, what the IdP sent, and what a real sign-in would do
/// under the current settings. Read only by the admin who started the test, in the session that started it.
/// </summary>
/// <param name="Problem">Why the Response could not be checked at all (the saved connection was removed meanwhile).</param>
/// <param name="NameId">Null when the checks stopped before the assertion was read.</param>
/// <param name="Identity">The person as the attribute names read them; null when a check failed.</param>
/// <param name="WouldDo">What a real sign-in would do; null when a check failed.</param>
public sealed record SamlTestResult(
    bool IsDraft,
    string IdpEntityId,
    IReadOnlyList<SamlTestCheck> Checks,
    string? Problem,
    string? NameId,
    string? NameIdFormat,
    IReadOnlyList<SamlTestAttribute> Attributes,
    SamlTestIdentity? Identity,
    SamlTestWouldDo? WouldDo)
{
    private static readonly JsonSerializerOptions _json = new() { Converters = { new JsonStringEnumConverter() } };

    public bool Passed => Problem is null && Checks.All(c => c.Status == SamlTestCheckStatus.Passed);

    public SamlTestCheck? FailedCheck => Checks.FirstOrDefault(c => c.Status == SamlTestCheckStatus.Failed);

    public string ToJson() => JsonSerializer.Serialize(this, _json);

    public static SamlTestResult FromJson(string json) => JsonSerializer.Deserialize<SamlTestResult>(json, _json)!;
}

public enum SamlTestCheckStatus
{
    Passed,
    Failed,

    /// <summary>An earlier check failed and the validator stops at the first failure.</summary>
    NotRun,
}

/// <param name="Detail">For a failed check, the validator's reason in words.</param>
public sealed record SamlTestCheck(string Name, SamlTestCheckStatus Status, string? Detail = null);

public sealed record SamlTestAttribute(string Name, IReadOnlyList<string> Values);

/// <param name="DirectoryName">The name of the parent's directory group with this key, when there is one.</param>
public sealed record SamlTestGroup(string Key, string? DirectoryName);

public sealed record SamlTestIdentity(string Subject, string? Email, string? DisplayName, IReadOnlyList<SamlTestGroup> Groups, bool GroupsOverage);

/// <param name="Person">Who the person would be here, in words.</param>
/// <param name="Verdict">Whether they would be let in, and if not why, in words.</param>
public sealed record SamlTestWouldDo(string Person, bool WouldSignIn, string Verdict, IReadOnlyList<SamlTestOrganization> Organizations)
{
    /// <summary><see cref="Person"/> as a code and values, for the reader's language; null in a result stored before it had one.</summary>
    public TestPreviewLine? PersonLine { get; init; }

    /// <summary><see cref="Verdict"/> as a code and values; null in a result stored before it had one.</summary>
    public TestPreviewLine? VerdictLine { get; init; }

    /// <summary>The English sentences kept beside their codes: the stored result and the logs read them as before.</summary>
    public static SamlTestWouldDo From(TestPreviewLine person, bool wouldSignIn, TestPreviewLine verdict, IReadOnlyList<SamlTestOrganization> organizations) =>
        new(person.Text, wouldSignIn, verdict.Text, organizations) { PersonLine = person, VerdictLine = verdict };
}

/// <param name="ProvisionsJustInTime">A sign-in runs this organization's rules (JIT); otherwise it only lets existing members in.</param>
/// <param name="Status">The membership they would have after signing in; null: not a member.</param>
/// <param name="Reasons">The rule engine's reasons (groups, mappings, defaults), as the what-if simulator shows them.</param>
public sealed record SamlTestOrganization(string Name, Provisioning.ProvisioningMode Mode, bool ProvisionsJustInTime, Roles.Role? Role,
    Roles.SeatTier? Tier, Members.MembershipStatus? Status, IReadOnlyList<Provisioning.Engine.OutcomeReason> Reasons);
