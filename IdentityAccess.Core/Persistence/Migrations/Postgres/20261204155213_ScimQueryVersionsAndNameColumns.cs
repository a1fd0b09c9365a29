using Microsoft.EntityFrameworkCore.Migrations;

#nullable disable

namespace IdentityAccess.Core.Persistence.Migrations.Postgres
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
                type: "character varying(64)",
                maxLength: 64,
                nullable: true);

            migrationBuilder.AddColumn<string>(
                name: "FamilyName",
                table: "DirectoryUsers",
                type: "character varying(200)",
                maxLength: 200,
                nullable: true);

            migrationBuilder.AddColumn<string>(
                name: "GivenName",
                table: "DirectoryUsers",
                type: "character varying(200)",
                maxLength: 200,
                nullable: true);

            migrationBuilder.AddColumn<long>(
                name: "Version",
                table: "DirectoryUsers",
                type: "bigint",
                nullable: false,
                defaultValue: 1L);

            migrationBuilder.AddColumn<long>(
                name: "Version",
                table: "DirectoryGroups",
                type: "bigint",
                nullable: false,
                defaultValue: 1L);

            // Existing users get their name and email-type columns from the SCIM document they were last written with
            // (later writes keep them current), and every resource starts at version 1.
            migrationBuilder.Sql("""
                UPDATE "DirectoryUsers" AS u SET
                    "GivenName" = left(d.doc -> 'name' ->> 'givenName', 200),
                    "FamilyName" = left(d.doc -> 'name' ->> 'familyName', 200),
                    "EmailType" = left((
                        SELECT e ->> 'type' FROM jsonb_array_elements(CASE WHEN jsonb_typeof(d.doc -> 'emails') = 'array' THEN d.doc -> 'emails' ELSE '[]'::jsonb END) AS e
                        WHERE jsonb_typeof(e) = 'object' AND lower(trim(e ->> 'value')) = lower(u."Email") LIMIT 1), 64)
                FROM (SELECT "Id", "ScimDocument"::jsonb AS doc FROM "DirectoryUsers" WHERE "ScimDocument" IS NOT NULL) AS d
                WHERE u."Id" = d."Id" AND jsonb_typeof(d.doc) = 'object';
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
