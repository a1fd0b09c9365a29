using Microsoft.EntityFrameworkCore.Migrations;

#nullable disable

namespace IdentityAccess.Core.Persistence.Migrations.Postgres
{
    /// <inheritdoc />
    public partial class MemberNameSort : Migration
    {
        /// <inheritdoc />
        protected override void Up(MigrationBuilder migrationBuilder)
        {
            migrationBuilder.AddColumn<string>(
                name: "PersonName",
                table: "Memberships",
                type: "character varying(200)",
                maxLength: 200,
                nullable: true);

            // A copy of the member's name for the members page's sort, kept by triggers: the app never writes it.
            migrationBuilder.Sql("""
                UPDATE "Memberships" AS m SET "PersonName" = p."DisplayName" FROM "People" AS p WHERE p."Id" = m."PersonId";

                CREATE FUNCTION memberships_person_name() RETURNS trigger LANGUAGE plpgsql AS $$
                BEGIN
                    NEW."PersonName" := (SELECT "DisplayName" FROM "People" WHERE "Id" = NEW."PersonId");
                    RETURN NEW;
                END $$;
                CREATE TRIGGER "Memberships_PersonName" BEFORE INSERT OR UPDATE OF "PersonId" ON "Memberships"
                    FOR EACH ROW EXECUTE FUNCTION memberships_person_name();

                CREATE FUNCTION people_name_to_memberships() RETURNS trigger LANGUAGE plpgsql AS $$
                BEGIN
                    UPDATE "Memberships" SET "PersonName" = NEW."DisplayName" WHERE "PersonId" = NEW."Id";
                    RETURN NULL;
                END $$;
                CREATE TRIGGER "People_PersonName" AFTER UPDATE OF "DisplayName" ON "People"
                    FOR EACH ROW WHEN (OLD."DisplayName" IS DISTINCT FROM NEW."DisplayName") EXECUTE FUNCTION people_name_to_memberships();
                """);

            migrationBuilder.CreateIndex(
                name: "IX_Memberships_OrganizationId_PersonName_Id",
                table: "Memberships",
                columns: new[] { "OrganizationId", "PersonName", "Id" });
        }

        /// <inheritdoc />
        protected override void Down(MigrationBuilder migrationBuilder)
        {
            migrationBuilder.Sql("""
                DROP TRIGGER "People_PersonName" ON "People";
                DROP FUNCTION people_name_to_memberships();
                DROP TRIGGER "Memberships_PersonName" ON "Memberships";
                DROP FUNCTION memberships_person_name();
                """);

            migrationBuilder.DropIndex(
                name: "IX_Memberships_OrganizationId_PersonName_Id",
                table: "Memberships");

            migrationBuilder.DropColumn(
                name: "PersonName",
                table: "Memberships");
        }
    }
}
