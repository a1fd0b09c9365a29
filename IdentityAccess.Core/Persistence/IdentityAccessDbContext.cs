using IdentityAccess.Core.Audit;
using IdentityAccess.Core.DirectoryObjects;
using IdentityAccess.Core.GroupMappings;
using IdentityAccess.Core.Members;
using IdentityAccess.Core.Organizations;
using IdentityAccess.Core.People;
using IdentityAccess.Core.Provisioning;
using IdentityAccess.Core.Roles;
using IdentityAccess.Core.Scim;
using IdentityAccess.Core.Scim.Log;
using IdentityAccess.Core.Seats;
using Microsoft.EntityFrameworkCore;

namespace IdentityAccess.Core.Persistence;

/// <summary>
/// The one model. Each database provider has a subclass of its own so that each gets its own migration set
/// (migrations generated for one provider do not apply to the other).
/// </summary>
public abstract class IdentityAccessDbContext(DbContextOptions options) : DbContext(options)
{
    public DbSet<ParentOrganization> ParentOrganizations => Set<ParentOrganization>();

    public DbSet<Organization> Organizations => Set<Organization>();

    public DbSet<SeatPool> SeatPools => Set<SeatPool>();

    public DbSet<Person> People => Set<Person>();

    public DbSet<Membership> Memberships => Set<Membership>();

    public DbSet<DirectoryUser> DirectoryUsers => Set<DirectoryUser>();

    public DbSet<DirectoryGroup> DirectoryGroups => Set<DirectoryGroup>();

    public DbSet<DirectoryGroupMember> DirectoryGroupMembers => Set<DirectoryGroupMember>();

    public DbSet<GroupMapping> GroupMappings => Set<GroupMapping>();

    public DbSet<AuditEvent> AuditEvents => Set<AuditEvent>();

    public DbSet<ScimToken> ScimTokens => Set<ScimToken>();

    public DbSet<Provisioning.Safety.StagedRemoval> StagedRemovals => Set<Provisioning.Safety.StagedRemoval>();

    public DbSet<Sso.Domains.VerifiedDomain> VerifiedDomains => Set<Sso.Domains.VerifiedDomain>();

    public DbSet<DirectoryGroupNestedGroup> DirectoryGroupNestedGroups => Set<DirectoryGroupNestedGroup>();

    public DbSet<ProvisioningLogEntry> ProvisioningLog => Set<ProvisioningLogEntry>();

    public DbSet<Seats.SeatHolding> SeatHoldings => Set<Seats.SeatHolding>();

    public DbSet<Seats.SeatHoldingChange> SeatHoldingChanges => Set<Seats.SeatHoldingChange>();

    public DbSet<Sso.Connections.SamlConnection> SamlConnections => Set<Sso.Connections.SamlConnection>();

    public DbSet<Sso.Domains.RemovedDomainChallenge> RemovedDomainChallenges => Set<Sso.Domains.RemovedDomainChallenge>();

    public DbSet<Sso.Metadata.SamlMetadataSource> SamlMetadataSources => Set<Sso.Metadata.SamlMetadataSource>();

    public DbSet<Sso.SpKeys.SamlSpKey> SamlSpKeys => Set<Sso.SpKeys.SamlSpKey>();

    public DbSet<Sso.Connections.SamlIdentityLink> SamlIdentityLinks => Set<Sso.Connections.SamlIdentityLink>();

    public DbSet<Sso.Connections.SamlLoginState> SamlLoginStates => Set<Sso.Connections.SamlLoginState>();

    public DbSet<Sso.Connections.SamlReplayEntry> SamlReplayEntries => Set<Sso.Connections.SamlReplayEntry>();

    public DbSet<Sso.GroupNames.SignInGroup> SignInGroups => Set<Sso.GroupNames.SignInGroup>();

    public DbSet<DataProtectionKeys.DataProtectionKeyRecord> DataProtectionKeys => Set<DataProtectionKeys.DataProtectionKeyRecord>();

    public DbSet<ParentAdministrator> ParentAdministrators => Set<ParentAdministrator>();

    public DbSet<OrganizationJoinRequest> OrganizationJoinRequests => Set<OrganizationJoinRequest>();

    public DbSet<Members.Invitations.Invitation> Invitations => Set<Members.Invitations.Invitation>();

    public DbSet<Outbox.OutboxMessage> OutboxMessages => Set<Outbox.OutboxMessage>();

    public DbSet<Sessions.PortalSession> PortalSessions => Set<Sessions.PortalSession>();

    public DbSet<Sessions.EmailSignInLink> EmailSignInLinks => Set<Sessions.EmailSignInLink>();

    public DbSet<Provisioning.Safety.HeldTopRoleChange> HeldTopRoleChanges => Set<Provisioning.Safety.HeldTopRoleChange>();

    public DbSet<Api.Keys.ApiKey> ApiKeys => Set<Api.Keys.ApiKey>();

    public DbSet<Api.Idempotency.ApiIdempotencyRecord> ApiIdempotencyRecords => Set<Api.Idempotency.ApiIdempotencyRecord>();

    public DbSet<Provisioning.Drafts.UnsavedSettingsDraft> UnsavedSettingsDrafts => Set<Provisioning.Drafts.UnsavedSettingsDraft>();

    public DbSet<Provisioning.SyncRuns.SyncRun> SyncRuns => Set<Provisioning.SyncRuns.SyncRun>();

    protected override void OnModelCreating(ModelBuilder modelBuilder) =>
        modelBuilder.ApplyConfigurationsFromAssembly(typeof(IdentityAccessDbContext).Assembly);

    protected override void ConfigureConventions(ModelConfigurationBuilder configurationBuilder)
    {
        // Enums as readable strings: the database stays legible and reordering an enum cannot corrupt data.
        StoreAsString<ParentPlan>(configurationBuilder);
        StoreAsString<OrganizationPlan>(configurationBuilder);
        StoreAsString<ProvisioningMode>(configurationBuilder);
        StoreAsString<Role>(configurationBuilder);
        StoreAsString<SeatTier>(configurationBuilder);
        StoreAsString<MembershipStatus>(configurationBuilder);
        StoreAsString<MembershipSource>(configurationBuilder);
        StoreAsString<JoinRequestStatus>(configurationBuilder);
        StoreAsString<Members.Invitations.InvitationStatus>(configurationBuilder);
    }

    private static void StoreAsString<TEnum>(ModelConfigurationBuilder configurationBuilder)
        where TEnum : struct, Enum =>
        configurationBuilder.Properties<TEnum>().HaveConversion<string>().HaveMaxLength(32);
}
