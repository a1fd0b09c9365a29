using System;
using Microsoft.EntityFrameworkCore.Migrations;

#nullable disable

namespace IdentityAccess.Core.Persistence.Migrations.Postgres
{
    /// <inheritdoc />
    public partial class SsoDemoIdp : Migration
    {
        /// <inheritdoc />
        protected override void Up(MigrationBuilder migrationBuilder)
        {
            // The demo identity provider (Development only) moved out of the product into IdentityAccess.DemoIdp, with a
            // database of its own. These five tables only ever held demo data (the demo IdP's people, groups, memberships,
            // signing key and SCIM push record), written only where the Development-only demo IdP ran; dropping them loses
            // nothing of a real deployment. In Development the demo IdP fills its own database afresh at the next start.
            migrationBuilder.DropTable(
                name: "DemoIdpGroupMembers");

            migrationBuilder.DropTable(
                name: "DemoIdpKeys");

            migrationBuilder.DropTable(
                name: "DemoIdpPushedObjects");

            migrationBuilder.DropTable(
                name: "DemoIdpGroups");

            migrationBuilder.DropTable(
                name: "DemoIdpPeople");
        }

        /// <inheritdoc />
        protected override void Down(MigrationBuilder migrationBuilder)
        {
            migrationBuilder.CreateTable(
                name: "DemoIdpGroups",
                columns: table => new
                {
                    Id = table.Column<Guid>(type: "uuid", nullable: false),
                    CreatedAt = table.Column<DateTimeOffset>(type: "timestamp with time zone", nullable: false),
                    DisplayName = table.Column<string>(type: "character varying(256)", maxLength: 256, nullable: false),
                    Domain = table.Column<string>(type: "character varying(253)", maxLength: 253, nullable: false),
                    ImmutableId = table.Column<string>(type: "character varying(64)", maxLength: 64, nullable: false)
                },
                constraints: table =>
                {
                    table.PrimaryKey("PK_DemoIdpGroups", x => x.Id);
                });

            migrationBuilder.CreateTable(
                name: "DemoIdpKeys",
                columns: table => new
                {
                    Id = table.Column<int>(type: "integer", nullable: false),
                    CreatedAt = table.Column<DateTimeOffset>(type: "timestamp with time zone", nullable: false),
                    Pkcs12 = table.Column<byte[]>(type: "bytea", nullable: false)
                },
                constraints: table =>
                {
                    table.PrimaryKey("PK_DemoIdpKeys", x => x.Id);
                });

            migrationBuilder.CreateTable(
                name: "DemoIdpPeople",
                columns: table => new
                {
                    Id = table.Column<Guid>(type: "uuid", nullable: false),
                    Active = table.Column<bool>(type: "boolean", nullable: false),
                    CreatedAt = table.Column<DateTimeOffset>(type: "timestamp with time zone", nullable: false),
                    DisplayName = table.Column<string>(type: "character varying(200)", maxLength: 200, nullable: false),
                    Domain = table.Column<string>(type: "character varying(253)", maxLength: 253, nullable: false),
                    Email = table.Column<string>(type: "character varying(320)", maxLength: 320, nullable: false),
                    ImmutableId = table.Column<string>(type: "character varying(64)", maxLength: 64, nullable: false),
                    NormalizedEmail = table.Column<string>(type: "character varying(320)", maxLength: 320, nullable: false)
                },
                constraints: table =>
                {
                    table.PrimaryKey("PK_DemoIdpPeople", x => x.Id);
                });

            migrationBuilder.CreateTable(
                name: "DemoIdpPushedObjects",
                columns: table => new
                {
                    Id = table.Column<Guid>(type: "uuid", nullable: false),
                    ImmutableId = table.Column<string>(type: "character varying(64)", maxLength: 64, nullable: false),
                    Kind = table.Column<string>(type: "character varying(16)", maxLength: 16, nullable: false),
                    ParentOrganizationId = table.Column<Guid>(type: "uuid", nullable: false),
                    ScimId = table.Column<string>(type: "character varying(64)", maxLength: 64, nullable: false)
                },
                constraints: table =>
                {
                    table.PrimaryKey("PK_DemoIdpPushedObjects", x => x.Id);
                    table.ForeignKey(
                        name: "FK_DemoIdpPushedObjects_ParentOrganizations_ParentOrganization~",
                        column: x => x.ParentOrganizationId,
                        principalTable: "ParentOrganizations",
                        principalColumn: "Id",
                        onDelete: ReferentialAction.Cascade);
                });

            migrationBuilder.CreateTable(
                name: "DemoIdpGroupMembers",
                columns: table => new
                {
                    GroupId = table.Column<Guid>(type: "uuid", nullable: false),
                    PersonId = table.Column<Guid>(type: "uuid", nullable: false)
                },
                constraints: table =>
                {
                    table.PrimaryKey("PK_DemoIdpGroupMembers", x => new { x.GroupId, x.PersonId });
                    table.ForeignKey(
                        name: "FK_DemoIdpGroupMembers_DemoIdpGroups_GroupId",
                        column: x => x.GroupId,
                        principalTable: "DemoIdpGroups",
                        principalColumn: "Id",
                        onDelete: ReferentialAction.Cascade);
                    table.ForeignKey(
                        name: "FK_DemoIdpGroupMembers_DemoIdpPeople_PersonId",
                        column: x => x.PersonId,
                        principalTable: "DemoIdpPeople",
                        principalColumn: "Id",
                        onDelete: ReferentialAction.Cascade);
                });

            migrationBuilder.CreateIndex(
                name: "IX_DemoIdpGroupMembers_PersonId",
                table: "DemoIdpGroupMembers",
                column: "PersonId");

            migrationBuilder.CreateIndex(
                name: "IX_DemoIdpGroups_Domain_DisplayName",
                table: "DemoIdpGroups",
                columns: new[] { "Domain", "DisplayName" },
                unique: true);

            migrationBuilder.CreateIndex(
                name: "IX_DemoIdpGroups_ImmutableId",
                table: "DemoIdpGroups",
                column: "ImmutableId",
                unique: true);

            migrationBuilder.CreateIndex(
                name: "IX_DemoIdpPeople_ImmutableId",
                table: "DemoIdpPeople",
                column: "ImmutableId",
                unique: true);

            migrationBuilder.CreateIndex(
                name: "IX_DemoIdpPeople_NormalizedEmail",
                table: "DemoIdpPeople",
                column: "NormalizedEmail",
                unique: true);

            migrationBuilder.CreateIndex(
                name: "IX_DemoIdpPushedObjects_ParentOrganizationId_Kind_ImmutableId",
                table: "DemoIdpPushedObjects",
                columns: new[] { "ParentOrganizationId", "Kind", "ImmutableId" },
                unique: true);
        }
    }
}
