using Microsoft.EntityFrameworkCore.Migrations;

#nullable disable

namespace IdentityAccess.Core.Persistence.Migrations.Postgres
{
    /// <inheritdoc />
    public partial class DirectoryUserExternalIdUniquePerDirectory : Migration
    {
        /// <inheritdoc />
        protected override void Up(MigrationBuilder migrationBuilder)
        {
            migrationBuilder.DropIndex(
                name: "IX_DirectoryUsers_ParentOrganizationId_ExternalId",
                table: "DirectoryUsers");

            // A database may already hold duplicates (before this, two users with one externalId were both accepted). The
            // oldest user of each (directory, externalId) keeps it; later ones lose the column value (their stored SCIM
            // document keeps it), so the unique index can be built and the migration never fails. The IdP only knows one
            // of them: its next write to a later one is a 409 naming the kept user's id. Blank values are no externalId.
            migrationBuilder.Sql("""
                UPDATE "DirectoryUsers" SET "ExternalId" = NULL
                WHERE "ExternalId" IS NOT NULL AND (TRIM("ExternalId") = '' OR EXISTS (
                    SELECT 1 FROM "DirectoryUsers" AS "Older"
                    WHERE "Older"."ParentOrganizationId" = "DirectoryUsers"."ParentOrganizationId"
                      AND "Older"."ExternalId" = "DirectoryUsers"."ExternalId"
                      AND ("Older"."CreatedAt" < "DirectoryUsers"."CreatedAt"
                           OR ("Older"."CreatedAt" = "DirectoryUsers"."CreatedAt" AND "Older"."Id" < "DirectoryUsers"."Id"))));
                """);

            migrationBuilder.CreateIndex(
                name: "IX_DirectoryUsers_ParentOrganizationId_ExternalId",
                table: "DirectoryUsers",
                columns: new[] { "ParentOrganizationId", "ExternalId" },
                unique: true,
                filter: "\"ExternalId\" IS NOT NULL");
        }

        /// <inheritdoc />
        protected override void Down(MigrationBuilder migrationBuilder)
        {
            migrationBuilder.DropIndex(
                name: "IX_DirectoryUsers_ParentOrganizationId_ExternalId",
                table: "DirectoryUsers");

            migrationBuilder.CreateIndex(
                name: "IX_DirectoryUsers_ParentOrganizationId_ExternalId",
                table: "DirectoryUsers",
                columns: new[] { "ParentOrganizationId", "ExternalId" });
        }
    }
}
