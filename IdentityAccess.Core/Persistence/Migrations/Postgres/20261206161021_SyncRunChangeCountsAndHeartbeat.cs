using System;
using Microsoft.EntityFrameworkCore.Migrations;

#nullable disable

namespace IdentityAccess.Core.Persistence.Migrations.Postgres
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
                type: "integer",
                nullable: true);

            migrationBuilder.AddColumn<DateTimeOffset>(
                name: "HeartbeatAt",
                table: "SyncRuns",
                type: "timestamp with time zone",
                nullable: true);

            migrationBuilder.AddColumn<int>(
                name: "QueuedForSeat",
                table: "SyncRuns",
                type: "integer",
                nullable: true);

            migrationBuilder.AddColumn<int>(
                name: "Removed",
                table: "SyncRuns",
                type: "integer",
                nullable: true);

            migrationBuilder.AddColumn<int>(
                name: "RoleOrTierChanged",
                table: "SyncRuns",
                type: "integer",
                nullable: true);
        }

        /// <inheritdoc />
        protected override void Down(MigrationBuilder migrationBuilder)
        {
            migrationBuilder.DropColumn(
                name: "Admitted",
                table: "SyncRuns");

            migrationBuilder.DropColumn(
                name: "HeartbeatAt",
                table: "SyncRuns");

            migrationBuilder.DropColumn(
                name: "QueuedForSeat",
                table: "SyncRuns");

            migrationBuilder.DropColumn(
                name: "Removed",
                table: "SyncRuns");

            migrationBuilder.DropColumn(
                name: "RoleOrTierChanged",
                table: "SyncRuns");
        }
    }
}
