using System;
using System.Collections.Generic;
using Microsoft.EntityFrameworkCore.Migrations;

#nullable disable

namespace IdentityAccess.Core.Persistence.Migrations.Postgres
{
    /// <inheritdoc />
    public partial class JitSignIn : Migration
    {
        /// <inheritdoc />
        protected override void Up(MigrationBuilder migrationBuilder)
        {
            migrationBuilder.AddColumn<DateTimeOffset>(
                name: "LastSignInAt",
                table: "SamlIdentityLinks",
                type: "timestamp with time zone",
                nullable: true);

            migrationBuilder.AddColumn<List<string>>(
                name: "LastSignInGroups",
                table: "SamlIdentityLinks",
                type: "text[]",
                nullable: false,
                defaultValueSql: "'{}'"); // links made before this migration: no sign-in recorded yet

            migrationBuilder.AddColumn<bool>(
                name: "LastSignInGroupsOverage",
                table: "SamlIdentityLinks",
                type: "boolean",
                nullable: false,
                defaultValue: false);
        }

        /// <inheritdoc />
        protected override void Down(MigrationBuilder migrationBuilder)
        {
            migrationBuilder.DropColumn(
                name: "LastSignInAt",
                table: "SamlIdentityLinks");

            migrationBuilder.DropColumn(
                name: "LastSignInGroups",
                table: "SamlIdentityLinks");

            migrationBuilder.DropColumn(
                name: "LastSignInGroupsOverage",
                table: "SamlIdentityLinks");
        }
    }
}
