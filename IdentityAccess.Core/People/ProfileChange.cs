namespace IdentityAccess.Core.People;

/// <summary>What <see cref="DirectoryProfile"/> did to a person's name and email.</summary>
/// <param name="Owned">The parent verified the person's current email domain; otherwise nothing was looked at.</param>
/// <param name="EmailRefused">Why a different email was not taken (the rest of the profile still was).</param>
internal sealed record ProfileChange(bool Owned, bool NameChanged, bool EmailChanged, ProfileEmailRefusal? EmailRefused)
{
    public static ProfileChange NotOwned { get; } = new(false, false, false, null);

    public bool Changed => NameChanged || EmailChanged;
}

internal enum ProfileEmailRefusal
{
    /// <summary>The new address is malformed or of a domain the parent has not verified.</summary>
    OutsideVerifiedDomains,

    /// <summary>Another person already has the new address: people are unique by email.</summary>
    UsedByAnotherPerson,
}
