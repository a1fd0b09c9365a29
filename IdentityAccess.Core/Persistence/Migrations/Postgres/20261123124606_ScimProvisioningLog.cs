using System;
using Microsoft.EntityFrameworkCore.Migrations;
using Npgsql.EntityFrameworkCore.PostgreSQL.Metadata;

#nullable disable

namespace IdentityAccess.Core.Persistence.Migrations.Postgres
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
                    GroupId = table.Column<Guid>(type: "uuid", nullable: false),
                    NestedGroupId = table.Column<Guid>(type: "uuid", nullable: false)
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
                    Id = table.Column<long>(type: "bigint", nullable: false)
                        .Annotation("Npgsql:ValueGenerationStrategy", NpgsqlValueGenerationStrategy.IdentityByDefaultColumn),
                    ParentOrganizationId = table.Column<Guid>(type: "uuid", nullable: false),
                    TokenId = table.Column<Guid>(type: "uuid", nullable: false),
                    TokenPrefix = table.Column<string>(type: "character varying(16)", maxLength: 16, nullable: false),
                    OccurredAt = table.Column<DateTimeOffset>(type: "timestamp with time zone", nullable: false),
                    Method = table.Column<string>(type: "character varying(16)", maxLength: 16, nullable: false),
                    Path = table.Column<string>(type: "character varying(2048)", maxLength: 2048, nullable: false),
                    Status = table.Column<int>(type: "integer", nullable: false),
                    Summary = table.Column<string>(type: "character varying(500)", maxLength: 500, nullable: true),
                    ErrorType = table.Column<string>(type: "character varying(32)", maxLength: 32, nullable: true),
                    ErrorDetail = table.Column<string>(type: "character varying(1000)", maxLength: 1000, nullable: true),
                    CorrelationId = table.Column<string>(type: "character varying(64)", maxLength: 64, nullable: false),
                    DurationMs = table.Column<int>(type: "integer", nullable: false)
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
