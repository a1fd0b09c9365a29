using Microsoft.EntityFrameworkCore.Migrations;

#nullable disable

namespace IdentityAccess.Core.Persistence.Migrations.Sqlite
{
    /// <inheritdoc />
    public partial class SyncRunChangeCountsAndHeartbeat : Migration
    {
        /// <inheritdoc />
        protected override void Up(MigrationBuilder migrationBuilder)
        {
            migrationBuilder.AddColumn<int>(
                name: "Admitted",
                table: "SyncRuns",
                type: "INTEGER",
                nullable: true);

            migrationBuilder.AddColumn<long>(
                name: "HeartbeatAt",
                table: "SyncRuns",
                type: "INTEGER",
                nullable: true);

            migrationBuilder.AddColumn<int>(
                name: "QueuedForSeat",
                table: "SyncRuns",
                type: "INTEGER",
                nullable: true);

            migrationBuilder.AddColumn<int>(
                name: "Removed",
                table: "SyncRuns",
                type: "INTEGER",
                nullable: true);

            migrationBuilder.AddColumn<int>(
                name: "RoleOrTierChanged",
                table: "SyncRuns",
                type: "INTEGER",
                nullable: true);
        }

        /// <inheritdoc />
        protected override void Down(MigrationBuilder migrationBuilder)
        {
            // Not DropColumn: SQLite drops a column no trigger or index uses in place, where DropColumn would rebuild the table.
            foreach (var column in new[] { "Admitted", "HeartbeatAt", "QueuedForSeat", "Removed", "RoleOrTierChanged" })
            {
                migrationBuilder.Sql($"ALTER TABLE \"SyncRuns\" DROP COLUMN \"{column}\";");
            }
        }
    }
}
