using System;
using Microsoft.EntityFrameworkCore.Migrations;

#nullable disable

namespace IdentityAccess.Core.Persistence.Migrations.Postgres
{
    /// <inheritdoc />
    public partial class SyncRuns : Migration
    {
        /// <inheritdoc />
        protected override void Up(MigrationBuilder migrationBuilder)
        {
            migrationBuilder.CreateTable(
                name: "SyncRuns",
                columns: table => new
                {
                    Id = table.Column<Guid>(type: "uuid", nullable: false),
                    ParentOrganizationId = table.Column<Guid>(type: "uuid", nullable: false),
                    OrganizationId = table.Column<Guid>(type: "uuid", nullable: true),
                    Target = table.Column<Guid>(type: "uuid", nullable: false),
                    RequestedByPersonId = table.Column<Guid>(type: "uuid", nullable: false),
                    ViaApiKey = table.Column<string>(type: "character varying(300)", maxLength: 300, nullable: true),
                    State = table.Column<string>(type: "character varying(16)", maxLength: 16, nullable: false),
                    StartedAt = table.Column<DateTimeOffset>(type: "timestamp with time zone", nullable: false),
                    FinishedAt = table.Column<DateTimeOffset>(type: "timestamp with time zone", nullable: true),
                    Changed = table.Column<int>(type: "integer", nullable: true),
                    PendingBefore = table.Column<int>(type: "integer", nullable: true),
                    StillPending = table.Column<int>(type: "integer", nullable: true),
                    Code = table.Column<string>(type: "character varying(64)", maxLength: 64, nullable: true),
                    Category = table.Column<string>(type: "character varying(32)", maxLength: 32, nullable: true),
                    Detail = table.Column<string>(type: "character varying(1000)", maxLength: 1000, nullable: true)
                },
                constraints: table =>
                {
                    table.PrimaryKey("PK_SyncRuns", x => x.Id);
                    table.ForeignKey(
                        name: "FK_SyncRuns_ParentOrganizations_ParentOrganizationId",
                        column: x => x.ParentOrganizationId,
                        principalTable: "ParentOrganizations",
                        principalColumn: "Id",
                        onDelete: ReferentialAction.Cascade);
                });

            migrationBuilder.CreateIndex(
                name: "IX_SyncRuns_ParentOrganizationId_StartedAt",
                table: "SyncRuns",
                columns: new[] { "ParentOrganizationId", "StartedAt" });

            migrationBuilder.CreateIndex(
                name: "IX_SyncRuns_Target",
                table: "SyncRuns",
                column: "Target",
                unique: true,
                filter: "\"State\" = 'Running'");
        }

        /// <inheritdoc />
        protected override void Down(MigrationBuilder migrationBuilder)
        {
            migrationBuilder.DropTable(
                name: "SyncRuns");
        }
    }
}
