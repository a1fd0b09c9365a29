namespace IdentityAccess.Core.Sessions;

/// <summary>Why a session ended, as <see cref="PortalSession.RevokedReason"/> records it for whoever reads the table.</summary>
public static class SessionRevocationReason
{
    public const string SignedOut = "signed out";

    public const string SignedOutEverywhere = "signed out everywhere";

    /// <summary>The person's last active membership ended and they administer no parent: nothing left to manage.</summary>
    public const string NoRoleLeft = "no role left";

    /// <summary>The same browser signed in again (perhaps as someone else): its earlier session is not kept alive beside it.</summary>
    public const string SignedInAgain = "signed in again";
}
