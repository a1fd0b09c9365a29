using IdentityAccess.DemoIdp.Storage;

namespace IdentityAccess.Web.DemoIdp;

/// <summary>The person form's mutable model; <see cref="Id"/> is null for someone new.</summary>
public sealed class DemoIdpPersonDraft
{
    public Guid? Id { get; init; }
    public string Email { get; set; } = "";
    public string DisplayName { get; set; } = "";
    public bool Active { get; set; } = true;

    public static DemoIdpPersonDraft From(DemoIdpPerson person) =>
        new() { Id = person.Id, Email = person.Email, DisplayName = person.DisplayName, Active = person.Active };
}

/// <summary>The group form's mutable model; the domain is chosen only for a new group.</summary>
public sealed class DemoIdpGroupDraft
{
    public Guid? Id { get; init; }
    public string DisplayName { get; set; } = "";
    public string Domain { get; set; } = "";
    public HashSet<Guid> Members { get; init; } = [];

    public static DemoIdpGroupDraft From(DemoIdpGroup group) =>
        new() { Id = group.Id, DisplayName = group.DisplayName, Domain = group.Domain, Members = [.. group.Members.Select(m => m.PersonId)] };
}
