using IdentityAccess.Core.Scim.Log;

namespace IdentityAccess.Tests.Core.Scim;

public sealed class ProvisioningLogScopeTests
{
    private static readonly Guid[] _users = [Guid.NewGuid(), Guid.NewGuid(), Guid.NewGuid(), Guid.NewGuid()];

    [Fact]
    public void Current_OutsideAScope_IsNull() => Assert.Null(ProvisioningLogScope.Current);

    [Fact]
    public void Summary_GroupPatch_NamesTheGroupWithNetMemberChangesAndMembershipChanges()
    {
        using var scope = ProvisioningLogScope.Begin();

        ProvisioningLogScope.Current!.Note(LogPhrase.Of(LogPhraseCode.GroupUpdated, "Engineering"));
        ProvisioningLogScope.Current!.AddGroupMembers([_users[0], _users[1], _users[2]]);
        ProvisioningLogScope.Current!.RemoveGroupMembers([_users[3]]);
        ProvisioningLogScope.Current!.AddMembershipChanges(2);

        Assert.Equal("Updated group 'Engineering': +3 \u22121 members; 2 membership changes", scope.Summary);
    }

    [Fact]
    public void Summary_ReplaceWithTheSameMembers_ReadsNoMemberChanges()
    {
        using var scope = ProvisioningLogScope.Begin();

        scope.Note(LogPhrase.Of(LogPhraseCode.GroupUpdated, "Engineering"));
        scope.RemoveGroupMembers([_users[0], _users[1]]); // replace members = clear, then add the list
        scope.AddGroupMembers([_users[0], _users[1]]);

        Assert.Equal("Updated group 'Engineering': no member changes", scope.Summary);
    }

    [Fact]
    public void Summary_NestedGroupsAndSingleCounts_UseSingularWords()
    {
        using var scope = ProvisioningLogScope.Begin();

        scope.Note(LogPhrase.Of(LogPhraseCode.GroupUpdated, "Engineering"));
        scope.AddGroupMembers([_users[0]]);
        scope.AddNestedGroupsSkipped(1);
        scope.AddMembershipChanges(1);

        Assert.Equal("Updated group 'Engineering': +1 member; 1 nested group skipped (only direct members count); 1 membership change", scope.Summary);
    }

    [Fact]
    public void Summary_NothingReported_IsNull()
    {
        using var scope = ProvisioningLogScope.Begin();

        scope.AddMembershipChanges(0);

        Assert.Null(scope.Summary);
    }

    [Fact]
    public void Reports_InARolledBackTransaction_AreDropped_AndTheRetryCountsOnce()
    {
        using var scope = ProvisioningLogScope.Begin();

        scope.TransactionStarted();
        scope.Note(LogPhrase.Of(LogPhraseCode.GroupUpdated, "Engineering"));
        scope.AddGroupMembers([_users[0]]);
        scope.TransactionRolledBack(); // a concurrent insert: the service retries
        scope.TransactionStarted();
        scope.Note(LogPhrase.Of(LogPhraseCode.GroupUpdated, "Engineering"));
        scope.AddGroupMembers([_users[0]]);
        scope.AddMembershipChanges(1);
        Assert.Null(scope.Summary); // nothing committed yet
        scope.TransactionCommitted();

        Assert.Equal("Updated group 'Engineering': +1 member; 1 membership change", scope.Summary);
    }

    [Fact]
    public void Reports_InATransactionNeverCommitted_AreDropped()
    {
        using var scope = ProvisioningLogScope.Begin();

        scope.TransactionStarted();
        scope.Note(LogPhrase.Of(LogPhraseCode.UserCreated, "zed@acme.test"));

        Assert.Null(scope.Summary);
    }

    [Fact]
    public async Task Scopes_OfParallelRequests_DoNotMix()
    {
        async Task<string?> RequestAsync(string name)
        {
            using var scope = ProvisioningLogScope.Begin();
            await Task.Yield();
            ProvisioningLogScope.Current!.Note(LogPhrase.Of(LogPhraseCode.UserCreated, name));
            await Task.Delay(10);
            return scope.Summary;
        }

        var summaries = await Task.WhenAll(RequestAsync("a@acme.test"), RequestAsync("b@acme.test"));

        Assert.Equal("Created user a@acme.test", summaries[0]);
        Assert.Equal("Created user b@acme.test", summaries[1]);
        Assert.Null(ProvisioningLogScope.Current);
    }

    [Fact]
    public void Dispose_RestoresTheOuterScope()
    {
        using var outer = ProvisioningLogScope.Begin();
        using (ProvisioningLogScope.Begin())
        {
            Assert.NotSame(outer, ProvisioningLogScope.Current);
        }

        Assert.Same(outer, ProvisioningLogScope.Current);
    }
}
