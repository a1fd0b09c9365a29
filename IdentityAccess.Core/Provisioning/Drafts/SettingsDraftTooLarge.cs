using IdentityAccess.Core.Common;

namespace IdentityAccess.Core.Provisioning.Drafts;

public sealed record SettingsDraftTooLarge()
    : InvalidInputError("draft", "These unsaved settings are too large to keep as a draft. Remove mappings you do not need, or save them.");
