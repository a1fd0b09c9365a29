using Microsoft.EntityFrameworkCore.Migrations;

#nullable disable

namespace IdentityAccess.Core.Persistence.Migrations.Postgres
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
                type: "bigint",
                nullable: false,
                defaultValue: 0L);

            migrationBuilder.AddColumn<long>(
                name: "ConfigurationStamp",
                table: "Organizations",
                type: "bigint",
                nullable: false,
                defaultValue: 0L);

            // What a reconcile reads and rarely changes is cached per parent (Provisioning/Snapshots/ParentSnapshots) and checked
            // against these stamps in every transaction that uses it. Triggers, not the code that saves, so no path (another
            // instance, the operator CLI, a hand-written UPDATE) can change one of these rows without moving a stamp. From a
            // sequence, which never hands out a value twice, even to a transaction that rolled back.
            // The organization's own stamp for its rows (settings, mappings, seat pools), the parent's for the parent-wide ones
            // (domains, directory groups, sign-in groups); organizations joining or leaving show in the list of stamps itself.
            migrationBuilder.Sql("CREATE SEQUENCE configuration_stamps;");
            migrationBuilder.Sql("""
                CREATE FUNCTION organization_configuration_stamp() RETURNS trigger LANGUAGE plpgsql AS $$
                BEGIN
                    IF TG_OP = 'DELETE' OR (TG_OP = 'UPDATE' AND OLD."OrganizationId" <> NEW."OrganizationId") THEN
                        UPDATE "Organizations" SET "ConfigurationStamp" = nextval('configuration_stamps') WHERE "Id" = OLD."OrganizationId";
                    END IF;
                    IF TG_OP <> 'DELETE' THEN
                        UPDATE "Organizations" SET "ConfigurationStamp" = nextval('configuration_stamps') WHERE "Id" = NEW."OrganizationId";
                    END IF;
                    RETURN NULL;
                END $$;
                """);
            migrationBuilder.Sql("""
                CREATE FUNCTION parent_configuration_stamp() RETURNS trigger LANGUAGE plpgsql AS $$
                BEGIN
                    IF TG_OP = 'DELETE' OR (TG_OP = 'UPDATE' AND OLD."ParentOrganizationId" <> NEW."ParentOrganizationId") THEN
                        UPDATE "ParentOrganizations" SET "ConfigurationStamp" = nextval('configuration_stamps') WHERE "Id" = OLD."ParentOrganizationId";
                    END IF;
                    IF TG_OP <> 'DELETE' THEN
                        UPDATE "ParentOrganizations" SET "ConfigurationStamp" = nextval('configuration_stamps') WHERE "Id" = NEW."ParentOrganizationId";
                    END IF;
                    RETURN NULL;
                END $$;
                """);
            migrationBuilder.Sql("""
                CREATE TRIGGER "GroupMappings_ConfigurationStamp" AFTER INSERT OR DELETE OR UPDATE
                ON "GroupMappings" FOR EACH ROW EXECUTE FUNCTION organization_configuration_stamp();
                """);
            migrationBuilder.Sql("""
                CREATE TRIGGER "SeatPools_ConfigurationStamp" AFTER INSERT OR DELETE OR UPDATE OF "OrganizationId", "Tier", "Purchased"
                ON "SeatPools" FOR EACH ROW EXECUTE FUNCTION organization_configuration_stamp();
                """);
            migrationBuilder.Sql("""
                CREATE TRIGGER "VerifiedDomains_ConfigurationStamp" AFTER INSERT OR DELETE OR UPDATE OF "ParentOrganizationId", "Domain", "Status"
                ON "VerifiedDomains" FOR EACH ROW EXECUTE FUNCTION parent_configuration_stamp();
                """);
            migrationBuilder.Sql("""
                CREATE TRIGGER "DirectoryGroups_ConfigurationStamp" AFTER INSERT OR DELETE OR UPDATE OF "ParentOrganizationId", "ExternalId", "DisplayName"
                ON "DirectoryGroups" FOR EACH ROW EXECUTE FUNCTION parent_configuration_stamp();
                """);
            migrationBuilder.Sql("""
                CREATE TRIGGER "SignInGroups_ConfigurationStamp" AFTER INSERT OR DELETE OR UPDATE OF "ParentOrganizationId", "Key", "Name"
                ON "SignInGroups" FOR EACH ROW EXECUTE FUNCTION parent_configuration_stamp();
                """);
            migrationBuilder.Sql("""
                CREATE FUNCTION organization_own_configuration_stamp() RETURNS trigger LANGUAGE plpgsql AS $$
                BEGIN
                    NEW."ConfigurationStamp" := nextval('configuration_stamps');
                    RETURN NEW;
                END $$;
                """);
            migrationBuilder.Sql("""
                CREATE TRIGGER "Organizations_ConfigurationStamp" BEFORE UPDATE OF "ParentOrganizationId", "Name", "Plan", "ProvisioningMode", "AdvancedGroupMappingsEnabled", "BreakGlassPersonId", "SettingsVersion"
                ON "Organizations" FOR EACH ROW EXECUTE FUNCTION organization_own_configuration_stamp();
                """);
        }

        /// <inheritdoc />
        protected override void Down(MigrationBuilder migrationBuilder)
        {
            migrationBuilder.Sql("""DROP TRIGGER IF EXISTS "GroupMappings_ConfigurationStamp" ON "GroupMappings";""");
            migrationBuilder.Sql("""DROP TRIGGER IF EXISTS "SeatPools_ConfigurationStamp" ON "SeatPools";""");
            migrationBuilder.Sql("""DROP TRIGGER IF EXISTS "VerifiedDomains_ConfigurationStamp" ON "VerifiedDomains";""");
            migrationBuilder.Sql("""DROP TRIGGER IF EXISTS "DirectoryGroups_ConfigurationStamp" ON "DirectoryGroups";""");
            migrationBuilder.Sql("""DROP TRIGGER IF EXISTS "SignInGroups_ConfigurationStamp" ON "SignInGroups";""");
            migrationBuilder.Sql("""DROP TRIGGER IF EXISTS "Organizations_ConfigurationStamp" ON "Organizations";""");
            migrationBuilder.Sql("DROP FUNCTION IF EXISTS organization_own_configuration_stamp();");
            migrationBuilder.Sql("DROP FUNCTION IF EXISTS organization_configuration_stamp();");
            migrationBuilder.Sql("DROP FUNCTION IF EXISTS parent_configuration_stamp();");
            migrationBuilder.Sql("DROP SEQUENCE IF EXISTS configuration_stamps;");

            migrationBuilder.DropColumn(
                name: "ConfigurationStamp",
                table: "ParentOrganizations");

            migrationBuilder.DropColumn(
                name: "ConfigurationStamp",
                table: "Organizations");
        }
    }
}
