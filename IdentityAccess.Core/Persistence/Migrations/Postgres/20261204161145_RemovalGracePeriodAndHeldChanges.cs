using System;
using Microsoft.EntityFrameworkCore.Migrations;

#nullable disable

namespace IdentityAccess.Core.Persistence.Migrations.Postgres
{
    /// <inheritdoc />
    public partial class RemovalGracePeriodAndHeldChanges : Migration
    {
        /// <inheritdoc />
        protected override void Up(MigrationBuilder migrationBuilder)
        {
            migrationBuilder.AddColumn<string>(
                name: "Asked",
                table: "StagedRemovals",
                type: "character varying(200)",
                maxLength: 200,
                nullable: false,
                defaultValue: "");

            migrationBuilder.AddColumn<string>(
                name: "Path",
                table: "StagedRemovals",
                type: "character varying(100)",
                maxLength: 100,
                nullable: false,
                defaultValue: "");

            migrationBuilder.AddColumn<int>(
                name: "RemovalGraceDays",
                table: "ParentOrganizations",
                type: "integer",
                nullable: false,
                defaultValue: 30); // existing parents get the default grace period

            migrationBuilder.AddColumn<DateTimeOffset>(
                name: "DeactivatedAt",
                table: "DirectoryUsers",
                type: "timestamp with time zone",
                nullable: true);

            // Users deactivated before this column existed: their grace period counts from their last directory write.
            migrationBuilder.Sql("UPDATE \"DirectoryUsers\" SET \"DeactivatedAt\" = \"UpdatedAt\" WHERE NOT \"Active\";");
        }

        /// <inheritdoc />
        protected override void Down(MigrationBuilder migrationBuilder)
        {
            migrationBuilder.DropColumn(
                name: "Asked",
                table: "StagedRemovals");

            migrationBuilder.DropColumn(
                name: "Path",
                table: "StagedRemovals");

            migrationBuilder.DropColumn(
                name: "RemovalGraceDays",
                table: "ParentOrganizations");

            migrationBuilder.DropColumn(
                name: "DeactivatedAt",
                table: "DirectoryUsers");
        }
    }
}
