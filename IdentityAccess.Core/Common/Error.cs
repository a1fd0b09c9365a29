namespace IdentityAccess.Core.Common;

/// <summary>A reason an operation was refused, phrased for the person who asked for it.</summary>
public abstract record Error(string Message);
