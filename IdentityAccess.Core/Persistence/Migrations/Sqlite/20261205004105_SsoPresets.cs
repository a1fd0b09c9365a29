using System;
using Microsoft.EntityFrameworkCore.Migrations;

#nullable disable

namespace IdentityAccess.Core.Persistence.Migrations.Sqlite
{
    /// <inheritdoc />
    public partial class SsoPresets : Migration
    {
        /// <inheritdoc />
        protected override void Up(MigrationBuilder migrationBuilder)
        {
            migrationBuilder.AddColumn<string>(
                name: "CustomFamilyNameAttribute",
                table: "SamlConnections",
                type: "TEXT",
                maxLength: 256,
                nullable: true);

            migrationBuilder.AddColumn<string>(
                name: "CustomGivenNameAttribute",
                table: "SamlConnections",
                type: "TEXT",
                maxLength: 256,
                nullable: true);

            migrationBuilder.AddColumn<string>(
                name: "GroupsFormat",
                table: "SamlConnections",
                type: "TEXT",
                maxLength: 16,
                nullable: true);

            migrationBuilder.CreateTable(
                name: "SignInGroups",
                columns: table => new
                {
                    Id = table.Column<Guid>(type: "TEXT", nullable: false),
                    ParentOrganizationId = table.Column<Guid>(type: "TEXT", nullable: false),
                    Key = table.Column<string>(type: "TEXT", maxLength: 256, nullable: false),
                    Name = table.Column<string>(type: "TEXT", maxLength: 256, nullable: false),
                    NormalizedName = table.Column<string>(type: "TEXT", maxLength: 1024, nullable: false),
                    FirstSeenAt = table.Column<long>(type: "INTEGER", nullable: false),
                    LastSeenAt = table.Column<long>(type: "INTEGER", nullable: false)
                },
                constraints: table =>
                {
                    table.PrimaryKey("PK_SignInGroups", x => x.Id);
                    table.ForeignKey(
                        name: "FK_SignInGroups_ParentOrganizations_ParentOrganizationId",
                        column: x => x.ParentOrganizationId,
                        principalTable: "ParentOrganizations",
                        principalColumn: "Id",
                        onDelete: ReferentialAction.Cascade);
                });

            migrationBuilder.CreateIndex(
                name: "IX_SignInGroups_ParentOrganizationId_Key",
                table: "SignInGroups",
                columns: new[] { "ParentOrganizationId", "Key" },
                unique: true);

            migrationBuilder.CreateIndex(
                name: "IX_SignInGroups_ParentOrganizationId_NormalizedName",
                table: "SignInGroups",
                columns: new[] { "ParentOrganizationId", "NormalizedName" },
                unique: true);
        }

        /// <inheritdoc />
        protected override void Down(MigrationBuilder migrationBuilder)
        {
            migrationBuilder.DropTable(
                name: "SignInGroups");

            migrationBuilder.DropColumn(
                name: "CustomFamilyNameAttribute",
                table: "SamlConnections");

            migrationBuilder.DropColumn(
                name: "CustomGivenNameAttribute",
                table: "SamlConnections");

            migrationBuilder.DropColumn(
                name: "GroupsFormat",
                table: "SamlConnections");
        }
    }
}
