using Microsoft.EntityFrameworkCore.Migrations;

#nullable disable

namespace IdentityAccess.Core.Persistence.Migrations.Postgres
{
    /// <inheritdoc />
    public partial class MemberSearchAndPageIndexes : Migration
    {
        /// <inheritdoc />
        protected override void Up(MigrationBuilder migrationBuilder)
        {
            migrationBuilder.CreateIndex(
                name: "IX_Memberships_OrganizationId_Role_Status",
                table: "Memberships",
                columns: new[] { "OrganizationId", "Role", "Status" });

            migrationBuilder.CreateIndex(
                name: "IX_DirectoryUsers_ParentOrganizationId_Active_PersonId",
                table: "DirectoryUsers",
                columns: new[] { "ParentOrganizationId", "Active", "PersonId" });

            // The members search: trigram GIN indexes serve LIKE '%…%' on exactly these expressions (MemberSearch).
            migrationBuilder.Sql("""
                CREATE EXTENSION IF NOT EXISTS pg_trgm;
                CREATE INDEX "IX_People_NormalizedEmail_Trigram" ON "People" USING gin ("NormalizedEmail" gin_trgm_ops);
                CREATE INDEX "IX_People_DisplayName_Upper_Trigram" ON "People" USING gin (upper("DisplayName") gin_trgm_ops);
                """);
        }

        /// <inheritdoc />
        protected override void Down(MigrationBuilder migrationBuilder)
        {
            migrationBuilder.Sql("""
                DROP INDEX "IX_People_DisplayName_Upper_Trigram";
                DROP INDEX "IX_People_NormalizedEmail_Trigram";
                """);

            migrationBuilder.DropIndex(
                name: "IX_Memberships_OrganizationId_Role_Status",
                table: "Memberships");

            migrationBuilder.DropIndex(
                name: "IX_DirectoryUsers_ParentOrganizationId_Active_PersonId",
                table: "DirectoryUsers");
        }
    }
}
