namespace IdentityAccess.Web.Localization;

/// <summary>
/// The portal's words: <c>Portal.resx</c> (English) and one file per language beside it. Keys name the place and the
/// meaning (<c>Identity.SaveChanges</c>), so a wording change is one line in each file and the completeness test
/// (<c>PortalResourcesTests</c>) notices a key missing in a language or no longer used.
/// </summary>
public sealed class Portal;
