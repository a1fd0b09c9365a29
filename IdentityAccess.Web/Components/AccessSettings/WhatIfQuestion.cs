namespace IdentityAccess.Web.Components.AccessSettings;

/// <summary>The simulator's question: a directory person by email, or a set of groups typed in.</summary>
public sealed record WhatIfQuestion(string? PersonEmail, IReadOnlyCollection<string> GroupKeys);
