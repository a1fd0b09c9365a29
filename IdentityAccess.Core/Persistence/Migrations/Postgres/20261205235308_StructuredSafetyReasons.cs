using Microsoft.EntityFrameworkCore.Migrations;

#nullable disable

namespace IdentityAccess.Core.Persistence.Migrations.Postgres
{
    /// <inheritdoc />
    public partial class StructuredSafetyReasons : Migration
    {
        /// <inheritdoc />
        protected override void Up(MigrationBuilder migrationBuilder)
        {
            migrationBuilder.AddColumn<string>(
                name: "FromRole",
                table: "StagedRemovals",
                type: "character varying(32)",
                maxLength: 32,
                nullable: true);

            migrationBuilder.AddColumn<string>(
                name: "ReasonCodes",
                table: "StagedRemovals",
                type: "text",
                nullable: true);

            migrationBuilder.AddColumn<string>(
                name: "ToRole",
                table: "StagedRemovals",
                type: "character varying(32)",
                maxLength: 32,
                nullable: true);

            migrationBuilder.AddColumn<string>(
                name: "ReasonCodes",
                table: "HeldTopRoleChanges",
                type: "text",
                nullable: true);
        }

        /// <inheritdoc />
        protected override void Down(MigrationBuilder migrationBuilder)
        {
            migrationBuilder.DropColumn(
                name: "FromRole",
                table: "StagedRemovals");

            migrationBuilder.DropColumn(
                name: "ReasonCodes",
                table: "StagedRemovals");

            migrationBuilder.DropColumn(
                name: "ToRole",
                table: "StagedRemovals");

            migrationBuilder.DropColumn(
                name: "ReasonCodes",
                table: "HeldTopRoleChanges");
        }
    }
}
