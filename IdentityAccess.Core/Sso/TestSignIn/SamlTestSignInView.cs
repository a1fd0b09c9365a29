namespace IdentityAccess.Core.Sso.TestSignIn;

/// <summary>A test sign-in as the panel and the result page show it.</summary>
/// <param name="IsMine">Started by this person in this session: they alone may open <see cref="Result"/>.</param>
/// <param name="Result">The full result; null while the test is under way, and for anyone but its starter.</param>
public sealed record SamlTestSignInView(Guid Id, string StartedByName, DateTimeOffset StartedAt, DateTimeOffset? CompletedAt, bool? Passed,
    string? FailedCheck, bool IsDraft, string IdpEntityId, bool IsMine, SamlTestResult? Result);

/// <summary>Pasted metadata and attribute names to test before saving them.</summary>
public sealed record SamlTestDraftInput(string MetadataXml, Connections.SamlAttributePreset Preset, Connections.SamlCustomAttributes? Custom);
