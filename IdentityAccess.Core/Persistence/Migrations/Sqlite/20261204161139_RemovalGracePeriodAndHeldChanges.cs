using Microsoft.EntityFrameworkCore.Migrations;

#nullable disable

namespace IdentityAccess.Core.Persistence.Migrations.Sqlite
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
                type: "TEXT",
                maxLength: 200,
                nullable: false,
                defaultValue: "");

            migrationBuilder.AddColumn<string>(
                name: "Path",
                table: "StagedRemovals",
                type: "TEXT",
                maxLength: 100,
                nullable: false,
                defaultValue: "");

            migrationBuilder.AddColumn<int>(
                name: "RemovalGraceDays",
                table: "ParentOrganizations",
                type: "INTEGER",
                nullable: false,
                defaultValue: 30); // existing parents get the default grace period

            migrationBuilder.AddColumn<long>(
                name: "DeactivatedAt",
                table: "DirectoryUsers",
                type: "INTEGER",
                nullable: true);

            // Users deactivated before this column existed: their grace period counts from their last directory write.
            migrationBuilder.Sql("UPDATE \"DirectoryUsers\" SET \"DeactivatedAt\" = \"UpdatedAt\" WHERE \"Active\" = 0;");
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
