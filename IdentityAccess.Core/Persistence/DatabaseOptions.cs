using System.ComponentModel.DataAnnotations;

namespace IdentityAccess.Core.Persistence;

/// <summary>The <c>Database</c> section of appsettings.json.</summary>
public sealed class DatabaseOptions
{
    public const string SectionName = "Database";

    public DatabaseProvider Provider { get; set; } = DatabaseProvider.Sqlite;

    /// <summary>
    /// A SQLite or Npgsql connection string. A relative SQLite file path is taken from the app's content root, and
    /// its folder is created.
    /// </summary>
    [Required]
    public string ConnectionString { get; set; } = "Data Source=data/identityaccess.db";

    /// <summary>
    /// How long one statement may run, in seconds; unset, the provider's own default (30 s). Large writes (a Sync now
    /// or a settings change over thousands of people) get more, sized to their rows: see
    /// <see cref="Provisioning.Apply.LargeWriteTimeout"/>.
    /// </summary>
    [Range(1, 3600)]
    public int? CommandTimeoutSeconds { get; set; }
}
