namespace IdentityAccess.Core.Sso.GroupNames;

/// <summary>How one value of a sign-in's groups attribute became a mapping key, or why it did not.</summary>
public enum SamlGroupMatchKind
{
    /// <summary>The IdP sends ids: the value is the key.</summary>
    Id,

    /// <summary>A name matched exactly one group of the parent's SCIM directory: its id is the key.</summary>
    Directory,

    /// <summary>A name recorded at an earlier sign-in (no SCIM directory): the recorded group's key.</summary>
    Recorded,

    /// <summary>A name seen for the first time (no SCIM directory): recorded at a sign-in, with the key it gets.</summary>
    New,

    /// <summary>A name that matches several groups of the directory: not used.</summary>
    Ambiguous,

    /// <summary>A name that matches no group of the directory: not used.</summary>
    Unknown,

    /// <summary>A value that cannot be a group name (blank, too long, control characters): not used.</summary>
    Unusable,
}
