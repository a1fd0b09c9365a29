using System;
using Microsoft.EntityFrameworkCore.Migrations;

#nullable disable

namespace IdentityAccess.Core.Persistence.Migrations.Postgres
{
    /// <inheritdoc />
    public partial class SsoTestsignin : Migration
    {
        /// <inheritdoc />
        protected override void Up(MigrationBuilder migrationBuilder)
        {
            migrationBuilder.AddColumn<Guid>(
                name: "TestSignInId",
                table: "SamlLoginStates",
                type: "uuid",
                nullable: true);

            migrationBuilder.CreateTable(
                name: "SamlTestSignIns",
                columns: table => new
                {
                    Id = table.Column<Guid>(type: "uuid", nullable: false),
                    ParentOrganizationId = table.Column<Guid>(type: "uuid", nullable: false),
                    StartedByPersonId = table.Column<Guid>(type: "uuid", nullable: false),
                    StartedByName = table.Column<string>(type: "character varying(320)", maxLength: 320, nullable: false),
                    StartedInSessionId = table.Column<Guid>(type: "uuid", nullable: false),
                    StartedAt = table.Column<DateTimeOffset>(type: "timestamp with time zone", nullable: false),
                    DraftJson = table.Column<string>(type: "text", nullable: true),
                    IdpEntityId = table.Column<string>(type: "character varying(1024)", maxLength: 1024, nullable: false),
                    CompletedAt = table.Column<DateTimeOffset>(type: "timestamp with time zone", nullable: true),
                    Passed = table.Column<bool>(type: "boolean", nullable: true),
                    FailedCheck = table.Column<string>(type: "character varying(200)", maxLength: 200, nullable: true),
                    ResultJson = table.Column<string>(type: "text", nullable: true)
                },
                constraints: table =>
                {
                    table.PrimaryKey("PK_SamlTestSignIns", x => x.Id);
                    table.ForeignKey(
                        name: "FK_SamlTestSignIns_ParentOrganizations_ParentOrganizationId",
                        column: x => x.ParentOrganizationId,
                        principalTable: "ParentOrganizations",
                        principalColumn: "Id",
                        onDelete: ReferentialAction.Cascade);
                    table.ForeignKey(
                        name: "FK_SamlTestSignIns_People_StartedByPersonId",
                        column: x => x.StartedByPersonId,
                        principalTable: "People",
                        principalColumn: "Id",
                        onDelete: ReferentialAction.Cascade);
                });

            migrationBuilder.CreateIndex(
                name: "IX_SamlLoginStates_TestSignInId",
                table: "SamlLoginStates",
                column: "TestSignInId");

            migrationBuilder.CreateIndex(
                name: "IX_SamlTestSignIns_ParentOrganizationId_CompletedAt",
                table: "SamlTestSignIns",
                columns: new[] { "ParentOrganizationId", "CompletedAt" });

            migrationBuilder.CreateIndex(
                name: "IX_SamlTestSignIns_StartedByPersonId",
                table: "SamlTestSignIns",
                column: "StartedByPersonId");

            migrationBuilder.AddForeignKey(
                name: "FK_SamlLoginStates_SamlTestSignIns_TestSignInId",
                table: "SamlLoginStates",
                column: "TestSignInId",
                principalTable: "SamlTestSignIns",
                principalColumn: "Id",
                onDelete: ReferentialAction.Cascade);
        }

        /// <inheritdoc />
        protected override void Down(MigrationBuilder migrationBuilder)
        {
            migrationBuilder.DropForeignKey(
                name: "FK_SamlLoginStates_SamlTestSignIns_TestSignInId",
                table: "SamlLoginStates");

            migrationBuilder.DropTable(
                name: "SamlTestSignIns");

            migrationBuilder.DropIndex(
                name: "IX_SamlLoginStates_TestSignInId",
                table: "SamlLoginStates");

            migrationBuilder.DropColumn(
                name: "TestSignInId",
                table: "SamlLoginStates");
        }
    }
}
