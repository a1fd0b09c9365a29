using System;
using Microsoft.EntityFrameworkCore.Migrations;

#nullable disable

namespace IdentityAccess.Core.Persistence.Migrations.Sqlite
{
    /// <inheritdoc />
    public partial class ScimProvisioningLog : Migration
    {
        /// <inheritdoc />
        protected override void Up(MigrationBuilder migrationBuilder)
        {
            migrationBuilder.CreateTable(
                name: "DirectoryGroupNestedGroups",
                columns: table => new
                {
                    GroupId = table.Column<Guid>(type: "TEXT", nullable: false),
                    NestedGroupId = table.Column<Guid>(type: "TEXT", nullable: false)
                },
                constraints: table =>
                {
                    table.PrimaryKey("PK_DirectoryGroupNestedGroups", x => new { x.GroupId, x.NestedGroupId });
                    table.ForeignKey(
                        name: "FK_DirectoryGroupNestedGroups_DirectoryGroups_GroupId",
                        column: x => x.GroupId,
                        principalTable: "DirectoryGroups",
                        principalColumn: "Id",
                        onDelete: ReferentialAction.Cascade);
                    table.ForeignKey(
                        name: "FK_DirectoryGroupNestedGroups_DirectoryGroups_NestedGroupId",
                        column: x => x.NestedGroupId,
                        principalTable: "DirectoryGroups",
                        principalColumn: "Id",
                        onDelete: ReferentialAction.Cascade);
                });

            migrationBuilder.CreateTable(
                name: "ProvisioningLog",
                columns: table => new
                {
                    Id = table.Column<long>(type: "INTEGER", nullable: false)
                        .Annotation("Sqlite:Autoincrement", true),
                    ParentOrganizationId = table.Column<Guid>(type: "TEXT", nullable: false),
                    TokenId = table.Column<Guid>(type: "TEXT", nullable: false),
                    TokenPrefix = table.Column<string>(type: "TEXT", maxLength: 16, nullable: false),
                    OccurredAt = table.Column<long>(type: "INTEGER", nullable: false),
                    Method = table.Column<string>(type: "TEXT", maxLength: 16, nullable: false),
                    Path = table.Column<string>(type: "TEXT", maxLength: 2048, nullable: false),
                    Status = table.Column<int>(type: "INTEGER", nullable: false),
                    Summary = table.Column<string>(type: "TEXT", maxLength: 500, nullable: true),
                    ErrorType = table.Column<string>(type: "TEXT", maxLength: 32, nullable: true),
                    ErrorDetail = table.Column<string>(type: "TEXT", maxLength: 1000, nullable: true),
                    CorrelationId = table.Column<string>(type: "TEXT", maxLength: 64, nullable: false),
                    DurationMs = table.Column<int>(type: "INTEGER", nullable: false)
                },
                constraints: table =>
                {
                    table.PrimaryKey("PK_ProvisioningLog", x => x.Id);
                    table.ForeignKey(
                        name: "FK_ProvisioningLog_ParentOrganizations_ParentOrganizationId",
                        column: x => x.ParentOrganizationId,
                        principalTable: "ParentOrganizations",
                        principalColumn: "Id",
                        onDelete: ReferentialAction.Cascade);
                });

            migrationBuilder.CreateIndex(
                name: "IX_DirectoryGroupNestedGroups_NestedGroupId",
                table: "DirectoryGroupNestedGroups",
                column: "NestedGroupId");

            migrationBuilder.CreateIndex(
                name: "IX_ProvisioningLog_ParentOrganizationId_Id",
                table: "ProvisioningLog",
                columns: new[] { "ParentOrganizationId", "Id" });

            migrationBuilder.CreateIndex(
                name: "IX_ProvisioningLog_ParentOrganizationId_OccurredAt",
                table: "ProvisioningLog",
                columns: new[] { "ParentOrganizationId", "OccurredAt" });

            migrationBuilder.CreateIndex(
                name: "IX_ProvisioningLog_TokenId_Status",
                table: "ProvisioningLog",
                columns: new[] { "TokenId", "Status" });
        }

        /// <inheritdoc />
        protected override void Down(MigrationBuilder migrationBuilder)
        {
            migrationBuilder.DropTable(
                name: "DirectoryGroupNestedGroups");

            migrationBuilder.DropTable(
                name: "ProvisioningLog");
        }
    }
}
