using Microsoft.EntityFrameworkCore.Migrations;

#nullable disable

namespace IdentityAccess.Core.Persistence.Migrations.Postgres
{
    /// <inheritdoc />
    public partial class AuditSubjectIndex : Migration
    {
        /// <inheritdoc />
        protected override void Up(MigrationBuilder migrationBuilder)
        {
            migrationBuilder.CreateIndex(
                name: "IX_AuditEvents_OrganizationId_Target",
                table: "AuditEvents",
                columns: new[] { "OrganizationId", "Target" });

            migrationBuilder.CreateIndex(
                name: "IX_AuditEvents_ParentOrganizationId_Target",
                table: "AuditEvents",
                columns: new[] { "ParentOrganizationId", "Target" });
        }

        /// <inheritdoc />
        protected override void Down(MigrationBuilder migrationBuilder)
        {
            migrationBuilder.DropIndex(
                name: "IX_AuditEvents_OrganizationId_Target",
                table: "AuditEvents");

            migrationBuilder.DropIndex(
                name: "IX_AuditEvents_ParentOrganizationId_Target",
                table: "AuditEvents");
        }
    }
}
