using IdentityAccess.Core.Scim.Log;
using IdentityAccess.Web.Components.DirectorySync;
using IdentityAccess.Web.Endpoints.Export;

namespace IdentityAccess.Tests.Web.Endpoints.DirectorySync;

/// <summary>An exported row's channel is the word the log's <c>?channel=</c> filter takes back, for every channel.</summary>
public sealed class ProvisioningLogChannelWordTests
{
    public static TheoryData<ProvisioningLogChannel> Channels => new(Enum.GetValues<ProvisioningLogChannel>());

    [Theory]
    [MemberData(nameof(Channels))]
    public void ChannelWord_ParsesBackAsTheSameChannel(ProvisioningLogChannel channel)
    {
        var word = DirectorySyncLabels.ChannelWord(channel);

        var (parsed, refusal) = LogExportRequest.ParseChoice<ProvisioningLogChannel>("channel", word);

        Assert.Null(refusal);
        Assert.Equal(channel, parsed);
        Assert.Matches("^[a-z]+$", word);
    }
}
