using System;
using Microsoft.EntityFrameworkCore.Migrations;

#nullable disable

namespace IdentityAccess.Core.Persistence.Migrations.Sqlite
{
    /// <inheritdoc />
    public partial class SamlSignIn : Migration
    {
        /// <inheritdoc />
        protected override void Up(MigrationBuilder migrationBuilder)
        {
            migrationBuilder.CreateTable(
                name: "SamlConnections",
                columns: table => new
                {
                    Id = table.Column<Guid>(type: "TEXT", nullable: false),
                    ParentOrganizationId = table.Column<Guid>(type: "TEXT", nullable: false),
                    EntityId = table.Column<string>(type: "TEXT", maxLength: 1024, nullable: false),
                    SingleSignOnUrl = table.Column<string>(type: "TEXT", maxLength: 2048, nullable: false),
                    SigningCertificatesPem = table.Column<string>(type: "TEXT", maxLength: 65536, nullable: false),
                    Preset = table.Column<string>(type: "TEXT", maxLength: 16, nullable: false),
                    CustomSubjectSource = table.Column<string>(type: "TEXT", maxLength: 32, nullable: false),
                    CustomSubjectAttribute = table.Column<string>(type: "TEXT", maxLength: 256, nullable: true),
                    CustomEmailAttribute = table.Column<string>(type: "TEXT", maxLength: 256, nullable: true),
                    CustomDisplayNameAttribute = table.Column<string>(type: "TEXT", maxLength: 256, nullable: true),
                    CustomGroupsAttribute = table.Column<string>(type: "TEXT", maxLength: 256, nullable: true),
                    AllowIdpInitiated = table.Column<bool>(type: "INTEGER", nullable: false),
                    Enabled = table.Column<bool>(type: "INTEGER", nullable: false),
                    UpdatedAt = table.Column<long>(type: "INTEGER", nullable: false)
                },
                constraints: table =>
                {
                    table.PrimaryKey("PK_SamlConnections", x => x.Id);
                    table.ForeignKey(
                        name: "FK_SamlConnections_ParentOrganizations_ParentOrganizationId",
                        column: x => x.ParentOrganizationId,
                        principalTable: "ParentOrganizations",
                        principalColumn: "Id",
                        onDelete: ReferentialAction.Cascade);
                });

            migrationBuilder.CreateTable(
                name: "SamlIdentityLinks",
                columns: table => new
                {
                    Id = table.Column<Guid>(type: "TEXT", nullable: false),
                    ParentOrganizationId = table.Column<Guid>(type: "TEXT", nullable: false),
                    IdpEntityId = table.Column<string>(type: "TEXT", maxLength: 1024, nullable: false),
                    Subject = table.Column<string>(type: "TEXT", maxLength: 512, nullable: false),
                    PersonId = table.Column<Guid>(type: "TEXT", nullable: false),
                    CreatedAt = table.Column<long>(type: "INTEGER", nullable: false)
                },
                constraints: table =>
                {
                    table.PrimaryKey("PK_SamlIdentityLinks", x => x.Id);
                    table.ForeignKey(
                        name: "FK_SamlIdentityLinks_ParentOrganizations_ParentOrganizationId",
                        column: x => x.ParentOrganizationId,
                        principalTable: "ParentOrganizations",
                        principalColumn: "Id",
                        onDelete: ReferentialAction.Cascade);
                    table.ForeignKey(
                        name: "FK_SamlIdentityLinks_People_PersonId",
                        column: x => x.PersonId,
                        principalTable: "People",
                        principalColumn: "Id",
                        onDelete: ReferentialAction.Cascade);
                });

            migrationBuilder.CreateTable(
                name: "SamlLoginStates",
                columns: table => new
                {
                    Key = table.Column<string>(type: "TEXT", maxLength: 64, nullable: false),
                    RequestId = table.Column<string>(type: "TEXT", maxLength: 64, nullable: false),
                    ParentOrganizationId = table.Column<Guid>(type: "TEXT", nullable: false),
                    NonceHash = table.Column<string>(type: "TEXT", maxLength: 64, nullable: false),
                    ReturnUrl = table.Column<string>(type: "TEXT", maxLength: 2048, nullable: false),
                    CreatedAt = table.Column<long>(type: "INTEGER", nullable: false),
                    ExpiresAt = table.Column<long>(type: "INTEGER", nullable: false),
                    UsedAt = table.Column<long>(type: "INTEGER", nullable: true)
                },
                constraints: table =>
                {
                    table.PrimaryKey("PK_SamlLoginStates", x => x.Key);
                    table.ForeignKey(
                        name: "FK_SamlLoginStates_ParentOrganizations_ParentOrganizationId",
                        column: x => x.ParentOrganizationId,
                        principalTable: "ParentOrganizations",
                        principalColumn: "Id",
                        onDelete: ReferentialAction.Cascade);
                });

            migrationBuilder.CreateTable(
                name: "SamlReplayEntries",
                columns: table => new
                {
                    AssertionId = table.Column<string>(type: "TEXT", maxLength: 64, nullable: false),
                    ExpiresAt = table.Column<long>(type: "INTEGER", nullable: false)
                },
                constraints: table =>
                {
                    table.PrimaryKey("PK_SamlReplayEntries", x => x.AssertionId);
                });

            migrationBuilder.CreateIndex(
                name: "IX_SamlConnections_ParentOrganizationId",
                table: "SamlConnections",
                column: "ParentOrganizationId",
                unique: true);

            migrationBuilder.CreateIndex(
                name: "IX_SamlIdentityLinks_ParentOrganizationId_IdpEntityId_Subject",
                table: "SamlIdentityLinks",
                columns: new[] { "ParentOrganizationId", "IdpEntityId", "Subject" },
                unique: true);

            migrationBuilder.CreateIndex(
                name: "IX_SamlIdentityLinks_PersonId",
                table: "SamlIdentityLinks",
                column: "PersonId");

            migrationBuilder.CreateIndex(
                name: "IX_SamlLoginStates_ExpiresAt",
                table: "SamlLoginStates",
                column: "ExpiresAt");

            migrationBuilder.CreateIndex(
                name: "IX_SamlLoginStates_ParentOrganizationId",
                table: "SamlLoginStates",
                column: "ParentOrganizationId");

            migrationBuilder.CreateIndex(
                name: "IX_SamlReplayEntries_ExpiresAt",
                table: "SamlReplayEntries",
                column: "ExpiresAt");
        }

        /// <inheritdoc />
        protected override void Down(MigrationBuilder migrationBuilder)
        {
            migrationBuilder.DropTable(
                name: "SamlConnections");

            migrationBuilder.DropTable(
                name: "SamlIdentityLinks");

            migrationBuilder.DropTable(
                name: "SamlLoginStates");

            migrationBuilder.DropTable(
                name: "SamlReplayEntries");
        }
    }
}
