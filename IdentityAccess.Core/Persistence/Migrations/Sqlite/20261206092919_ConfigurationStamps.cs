using Microsoft.EntityFrameworkCore.Migrations;

#nullable disable

namespace IdentityAccess.Core.Persistence.Migrations.Sqlite
{
    /// <inheritdoc />
    public partial class ConfigurationStamps : Migration
    {
        /// <inheritdoc />
        protected override void Up(MigrationBuilder migrationBuilder)
        {
            migrationBuilder.AddColumn<long>(
                name: "ConfigurationStamp",
                table: "ParentOrganizations",
                type: "INTEGER",
                nullable: false,
                defaultValue: 0L);

            migrationBuilder.AddColumn<long>(
                name: "ConfigurationStamp",
                table: "Organizations",
                type: "INTEGER",
                nullable: false,
                defaultValue: 0L);

            // What a reconcile reads and rarely changes is cached per parent (Provisioning/Snapshots/ParentSnapshots) and checked
            // against these stamps in every transaction that uses it. Triggers, not the code that saves, so no path (another
            // instance, the operator CLI, a hand-written UPDATE) can change one of these rows without moving a stamp. Random,
            // not counted: a stamp written by a transaction that rolled back is never met again.
            // The organization's own stamp for its rows (settings, mappings, seat pools), the parent's for the parent-wide ones
            // (domains, directory groups, sign-in groups); organizations joining or leaving show in the list of stamps itself.
            migrationBuilder.Sql("""
                CREATE TRIGGER GroupMappings_ConfigurationStamp_Insert AFTER INSERT ON GroupMappings BEGIN
                    UPDATE Organizations SET ConfigurationStamp = random() WHERE Id = NEW.OrganizationId;
                END;
                """);
            migrationBuilder.Sql("""
                CREATE TRIGGER GroupMappings_ConfigurationStamp_Delete AFTER DELETE ON GroupMappings BEGIN
                    UPDATE Organizations SET ConfigurationStamp = random() WHERE Id = OLD.OrganizationId;
                END;
                """);
            migrationBuilder.Sql("""
                CREATE TRIGGER GroupMappings_ConfigurationStamp_Update AFTER UPDATE ON GroupMappings BEGIN
                    UPDATE Organizations SET ConfigurationStamp = random() WHERE Id IN (OLD.OrganizationId, NEW.OrganizationId);
                END;
                """);
            migrationBuilder.Sql("""
                CREATE TRIGGER SeatPools_ConfigurationStamp_Insert AFTER INSERT ON SeatPools BEGIN
                    UPDATE Organizations SET ConfigurationStamp = random() WHERE Id = NEW.OrganizationId;
                END;
                """);
            migrationBuilder.Sql("""
                CREATE TRIGGER SeatPools_ConfigurationStamp_Delete AFTER DELETE ON SeatPools BEGIN
                    UPDATE Organizations SET ConfigurationStamp = random() WHERE Id = OLD.OrganizationId;
                END;
                """);
            migrationBuilder.Sql("""
                CREATE TRIGGER SeatPools_ConfigurationStamp_Update AFTER UPDATE OF OrganizationId, Tier, Purchased ON SeatPools BEGIN
                    UPDATE Organizations SET ConfigurationStamp = random() WHERE Id IN (OLD.OrganizationId, NEW.OrganizationId);
                END;
                """);
            migrationBuilder.Sql("""
                CREATE TRIGGER VerifiedDomains_ConfigurationStamp_Insert AFTER INSERT ON VerifiedDomains BEGIN
                    UPDATE ParentOrganizations SET ConfigurationStamp = random() WHERE Id = NEW.ParentOrganizationId;
                END;
                """);
            migrationBuilder.Sql("""
                CREATE TRIGGER VerifiedDomains_ConfigurationStamp_Delete AFTER DELETE ON VerifiedDomains BEGIN
                    UPDATE ParentOrganizations SET ConfigurationStamp = random() WHERE Id = OLD.ParentOrganizationId;
                END;
                """);
            migrationBuilder.Sql("""
                CREATE TRIGGER VerifiedDomains_ConfigurationStamp_Update AFTER UPDATE OF ParentOrganizationId, Domain, Status ON VerifiedDomains BEGIN
                    UPDATE ParentOrganizations SET ConfigurationStamp = random() WHERE Id IN (OLD.ParentOrganizationId, NEW.ParentOrganizationId);
                END;
                """);
            migrationBuilder.Sql("""
                CREATE TRIGGER DirectoryGroups_ConfigurationStamp_Insert AFTER INSERT ON DirectoryGroups BEGIN
                    UPDATE ParentOrganizations SET ConfigurationStamp = random() WHERE Id = NEW.ParentOrganizationId;
                END;
                """);
            migrationBuilder.Sql("""
                CREATE TRIGGER DirectoryGroups_ConfigurationStamp_Delete AFTER DELETE ON DirectoryGroups BEGIN
                    UPDATE ParentOrganizations SET ConfigurationStamp = random() WHERE Id = OLD.ParentOrganizationId;
                END;
                """);
            migrationBuilder.Sql("""
                CREATE TRIGGER DirectoryGroups_ConfigurationStamp_Update AFTER UPDATE OF ParentOrganizationId, ExternalId, DisplayName ON DirectoryGroups BEGIN
                    UPDATE ParentOrganizations SET ConfigurationStamp = random() WHERE Id IN (OLD.ParentOrganizationId, NEW.ParentOrganizationId);
                END;
                """);
            migrationBuilder.Sql("""
                CREATE TRIGGER SignInGroups_ConfigurationStamp_Insert AFTER INSERT ON SignInGroups BEGIN
                    UPDATE ParentOrganizations SET ConfigurationStamp = random() WHERE Id = NEW.ParentOrganizationId;
                END;
                """);
            migrationBuilder.Sql("""
                CREATE TRIGGER SignInGroups_ConfigurationStamp_Delete AFTER DELETE ON SignInGroups BEGIN
                    UPDATE ParentOrganizations SET ConfigurationStamp = random() WHERE Id = OLD.ParentOrganizationId;
                END;
                """);
            migrationBuilder.Sql("""
                CREATE TRIGGER SignInGroups_ConfigurationStamp_Update AFTER UPDATE OF ParentOrganizationId, Key, Name ON SignInGroups BEGIN
                    UPDATE ParentOrganizations SET ConfigurationStamp = random() WHERE Id IN (OLD.ParentOrganizationId, NEW.ParentOrganizationId);
                END;
                """);
            migrationBuilder.Sql("""
                CREATE TRIGGER Organizations_ConfigurationStamp_Update AFTER UPDATE OF ParentOrganizationId, Name, Plan, ProvisioningMode, AdvancedGroupMappingsEnabled, BreakGlassPersonId, SettingsVersion ON Organizations BEGIN
                    UPDATE Organizations SET ConfigurationStamp = random() WHERE Id = NEW.Id;
                END;
                """);
        }

        /// <inheritdoc />
        protected override void Down(MigrationBuilder migrationBuilder)
        {
            migrationBuilder.Sql("DROP TRIGGER IF EXISTS GroupMappings_ConfigurationStamp_Insert;");
            migrationBuilder.Sql("DROP TRIGGER IF EXISTS GroupMappings_ConfigurationStamp_Delete;");
            migrationBuilder.Sql("DROP TRIGGER IF EXISTS GroupMappings_ConfigurationStamp_Update;");
            migrationBuilder.Sql("DROP TRIGGER IF EXISTS SeatPools_ConfigurationStamp_Insert;");
            migrationBuilder.Sql("DROP TRIGGER IF EXISTS SeatPools_ConfigurationStamp_Delete;");
            migrationBuilder.Sql("DROP TRIGGER IF EXISTS SeatPools_ConfigurationStamp_Update;");
            migrationBuilder.Sql("DROP TRIGGER IF EXISTS VerifiedDomains_ConfigurationStamp_Insert;");
            migrationBuilder.Sql("DROP TRIGGER IF EXISTS VerifiedDomains_ConfigurationStamp_Delete;");
            migrationBuilder.Sql("DROP TRIGGER IF EXISTS VerifiedDomains_ConfigurationStamp_Update;");
            migrationBuilder.Sql("DROP TRIGGER IF EXISTS DirectoryGroups_ConfigurationStamp_Insert;");
            migrationBuilder.Sql("DROP TRIGGER IF EXISTS DirectoryGroups_ConfigurationStamp_Delete;");
            migrationBuilder.Sql("DROP TRIGGER IF EXISTS DirectoryGroups_ConfigurationStamp_Update;");
            migrationBuilder.Sql("DROP TRIGGER IF EXISTS SignInGroups_ConfigurationStamp_Insert;");
            migrationBuilder.Sql("DROP TRIGGER IF EXISTS SignInGroups_ConfigurationStamp_Delete;");
            migrationBuilder.Sql("DROP TRIGGER IF EXISTS SignInGroups_ConfigurationStamp_Update;");
            migrationBuilder.Sql("DROP TRIGGER IF EXISTS Organizations_ConfigurationStamp_Update;");

            migrationBuilder.DropColumn(
                name: "ConfigurationStamp",
                table: "ParentOrganizations");

            migrationBuilder.DropColumn(
                name: "ConfigurationStamp",
                table: "Organizations");
        }
    }
}
