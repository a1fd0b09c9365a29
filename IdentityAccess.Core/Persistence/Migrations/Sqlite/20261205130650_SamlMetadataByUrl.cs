using System;
using Microsoft.EntityFrameworkCore.Migrations;

#nullable disable

namespace IdentityAccess.Core.Persistence.Migrations.Sqlite
{
    /// <inheritdoc />
    public partial class SamlMetadataByUrl : Migration
    {
        /// <inheritdoc />
        protected override void Up(MigrationBuilder migrationBuilder)
        {
            migrationBuilder.AddColumn<string>(
                name: "PreviousEntityId",
                table: "SamlConnections",
                type: "TEXT",
                maxLength: 1024,
                nullable: true);

            migrationBuilder.AddColumn<string>(
                name: "PreviousSigningCertificatesPem",
                table: "SamlConnections",
                type: "TEXT",
                maxLength: 65536,
                nullable: true);

            migrationBuilder.AddColumn<string>(
                name: "PreviousSingleSignOnUrl",
                table: "SamlConnections",
                type: "TEXT",
                maxLength: 2048,
                nullable: true);

            migrationBuilder.AddColumn<long>(
                name: "ReplacedAt",
                table: "SamlConnections",
                type: "INTEGER",
                nullable: true);

            migrationBuilder.CreateTable(
                name: "SamlMetadataSources",
                columns: table => new
                {
                    Id = table.Column<Guid>(type: "TEXT", nullable: false),
                    ParentOrganizationId = table.Column<Guid>(type: "TEXT", nullable: false),
                    Url = table.Column<string>(type: "TEXT", maxLength: 2048, nullable: false),
                    ETag = table.Column<string>(type: "TEXT", maxLength: 256, nullable: true),
                    LastModified = table.Column<long>(type: "INTEGER", nullable: true),
                    LastCheckedAt = table.Column<long>(type: "INTEGER", nullable: true),
                    LastChangedAt = table.Column<long>(type: "INTEGER", nullable: true),
                    NextRefreshAt = table.Column<long>(type: "INTEGER", nullable: false),
                    LastError = table.Column<string>(type: "TEXT", maxLength: 1000, nullable: true),
                    FailingSince = table.Column<long>(type: "INTEGER", nullable: true),
                    PausedAt = table.Column<long>(type: "INTEGER", nullable: true),
                    CreatedAt = table.Column<long>(type: "INTEGER", nullable: false)
                },
                constraints: table =>
                {
                    table.PrimaryKey("PK_SamlMetadataSources", x => x.Id);
                    table.ForeignKey(
                        name: "FK_SamlMetadataSources_ParentOrganizations_ParentOrganizationId",
                        column: x => x.ParentOrganizationId,
                        principalTable: "ParentOrganizations",
                        principalColumn: "Id",
                        onDelete: ReferentialAction.Cascade);
                });

            migrationBuilder.CreateIndex(
                name: "IX_SamlMetadataSources_NextRefreshAt",
                table: "SamlMetadataSources",
                column: "NextRefreshAt");

            migrationBuilder.CreateIndex(
                name: "IX_SamlMetadataSources_ParentOrganizationId",
                table: "SamlMetadataSources",
                column: "ParentOrganizationId",
                unique: true);
        }

        /// <inheritdoc />
        protected override void Down(MigrationBuilder migrationBuilder)
        {
            migrationBuilder.DropTable(
                name: "SamlMetadataSources");

            migrationBuilder.DropColumn(
                name: "PreviousEntityId",
                table: "SamlConnections");

            migrationBuilder.DropColumn(
                name: "PreviousSigningCertificatesPem",
                table: "SamlConnections");

            migrationBuilder.DropColumn(
                name: "PreviousSingleSignOnUrl",
                table: "SamlConnections");

            migrationBuilder.DropColumn(
                name: "ReplacedAt",
                table: "SamlConnections");
        }
    }
}
