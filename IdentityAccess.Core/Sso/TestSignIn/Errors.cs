using IdentityAccess.Core.Common;

namespace IdentityAccess.Core.Sso.TestSignIn;

/// <summary>
/// No such test, or not one this person may read: only the admin who started it, in the session that started it,
/// sees what the IdP sent. The two cases look the same, so the answer says nothing about other people's tests.
/// </summary>
public sealed record SamlTestNotFound() : NotFoundError("This test sign-in does not exist, or it was started in another session. Start a new test from the SSO panel.");

public sealed record SamlTestMetadataMissing() : InvalidInputError("metadata", "Paste the IdP's metadata to test it before saving, or test the saved connection.");
