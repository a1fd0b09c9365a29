namespace IdentityAccess.Core.Organizations;

/// <summary>The plan of a parent organization, which decides what its joined organizations may use.</summary>
public enum ParentPlan
{
    Enterprise,
    Team,

    /// <summary>A Console organization's own parent, created for it alone.</summary>
    Console,
}
