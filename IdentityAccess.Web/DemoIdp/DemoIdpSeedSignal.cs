namespace IdentityAccess.Web.DemoIdp;

/// <summary>Set by the database start-up when it seeded the demo, so that the demo's parents get connected to the demo IdP.</summary>
internal sealed class DemoIdpSeedSignal
{
    public bool DemoWasSeeded { get; set; }
}
