namespace IdentityAccess.Core.Sso.Connections;

/// <summary>The attribute names the parent's connection reads, and the preset they started from.</summary>
public sealed record SamlAttributeNamesView(SamlAttributePreset Preset, SamlCustomAttributes Names)
{
    /// <summary>A parent admin changed a name since picking the preset.</summary>
    public bool ChangedFromPreset => Names != SamlAttributePresets.Names(Preset);
}
