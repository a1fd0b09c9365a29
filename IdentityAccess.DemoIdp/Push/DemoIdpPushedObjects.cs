using IdentityAccess.DemoIdp.Storage;
using Microsoft.EntityFrameworkCore;

namespace IdentityAccess.DemoIdp.Push;

/// <summary>One parent's record of pushed objects (immutable id → SCIM id), changed in memory and saved by the push.</summary>
internal sealed class DemoIdpPushedObjects(DemoIdpDbContext db, Guid parentId)
{
    private List<DemoIdpPushedObject> _objects = [];

    public async Task LoadAsync(CancellationToken cancellationToken) =>
        _objects = await db.PushedObjects.Where(o => o.ParentOrganizationId == parentId).ToListAsync(cancellationToken);

    public string? ScimIdOf(DemoIdpObjectKind kind, string immutableId) => Find(kind, immutableId)?.ScimId;

    public IReadOnlyList<DemoIdpPushedObject> AllExcept(DemoIdpObjectKind kind, IReadOnlySet<string> immutableIds) =>
        [.. _objects.Where(o => o.Kind == kind && !immutableIds.Contains(o.ImmutableId))];

    public void Remember(DemoIdpObjectKind kind, string immutableId, string scimId)
    {
        if (Find(kind, immutableId) is { } known)
        {
            known.ScimId = scimId;
            return;
        }

        var added = new DemoIdpPushedObject { ParentOrganizationId = parentId, Kind = kind, ImmutableId = immutableId, ScimId = scimId };
        _objects.Add(added);
        db.PushedObjects.Add(added);
    }

    public void Forget(DemoIdpPushedObject pushed)
    {
        _objects.Remove(pushed);
        db.PushedObjects.Remove(pushed);
    }

    private DemoIdpPushedObject? Find(DemoIdpObjectKind kind, string immutableId) =>
        _objects.Find(o => o.Kind == kind && o.ImmutableId == immutableId);
}
