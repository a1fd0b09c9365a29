using Microsoft.EntityFrameworkCore.Migrations;

#nullable disable

namespace IdentityAccess.Core.Persistence.Migrations.Sqlite
{
    /// <inheritdoc />
    public partial class ScimQueryVersionsAndNameColumns : Migration
    {
        /// <inheritdoc />
        protected override void Up(MigrationBuilder migrationBuilder)
        {
            migrationBuilder.AddColumn<string>(
                name: "EmailType",
                table: "DirectoryUsers",
                type: "TEXT",
                maxLength: 64,
                nullable: true);

            migrationBuilder.AddColumn<string>(
                name: "FamilyName",
                table: "DirectoryUsers",
                type: "TEXT",
                maxLength: 200,
                nullable: true);

            migrationBuilder.AddColumn<string>(
                name: "GivenName",
                table: "DirectoryUsers",
                type: "TEXT",
                maxLength: 200,
                nullable: true);

            migrationBuilder.AddColumn<long>(
                name: "Version",
                table: "DirectoryUsers",
                type: "INTEGER",
                nullable: false,
                defaultValue: 1L);

            migrationBuilder.AddColumn<long>(
                name: "Version",
                table: "DirectoryGroups",
                type: "INTEGER",
                nullable: false,
                defaultValue: 1L);

            // Existing users get their name and email-type columns from the SCIM document they were last written with
            // (later writes keep them current), and every resource starts at version 1.
            migrationBuilder.Sql("""
                UPDATE "DirectoryUsers" SET
                    "GivenName" = substr(json_extract("ScimDocument", '$.name.givenName'), 1, 200),
                    "FamilyName" = substr(json_extract("ScimDocument", '$.name.familyName'), 1, 200),
                    "EmailType" = CASE WHEN json_type("ScimDocument", '$.emails') = 'array' THEN substr((
                        SELECT json_extract("ScimDocument", e.fullkey || '.type') FROM json_each("ScimDocument", '$.emails') AS e
                        WHERE e.type = 'object' AND lower(trim(json_extract("ScimDocument", e.fullkey || '.value'))) = lower("Email") LIMIT 1), 1, 64) END
                WHERE "ScimDocument" IS NOT NULL AND json_valid("ScimDocument") AND json_type("ScimDocument") = 'object';
                """);
        }

        /// <inheritdoc />
        protected override void Down(MigrationBuilder migrationBuilder)
        {
            migrationBuilder.DropColumn(
                name: "EmailType",
                table: "DirectoryUsers");

            migrationBuilder.DropColumn(
                name: "FamilyName",
                table: "DirectoryUsers");

            migrationBuilder.DropColumn(
                name: "GivenName",
                table: "DirectoryUsers");

            migrationBuilder.DropColumn(
                name: "Version",
                table: "DirectoryUsers");

            migrationBuilder.DropColumn(
                name: "Version",
                table: "DirectoryGroups");
        }
    }
}
