using IdentityAccess.Core.Common;

namespace IdentityAccess.DemoIdp;

/// <summary>Input the demo directory refuses. The demo IdP stands in for a real one: it speaks English only, as its pages do.</summary>
public sealed record DemoDirectoryInputInvalid(string Field, string Reason) : InvalidInputError(Field, Reason);
