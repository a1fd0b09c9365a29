using System;
using Microsoft.EntityFrameworkCore.Migrations;

#nullable disable

namespace IdentityAccess.Core.Persistence.Migrations.Postgres
{
    /// <inheritdoc />
    public partial class SeatHoldings : Migration
    {
        /// <inheritdoc />
        protected override void Up(MigrationBuilder migrationBuilder)
        {
            migrationBuilder.CreateTable(
                name: "SeatHoldings",
                columns: table => new
                {
                    OrganizationId = table.Column<Guid>(type: "uuid", nullable: false),
                    Tier = table.Column<string>(type: "character varying(32)", maxLength: 32, nullable: false),
                    Held = table.Column<int>(type: "integer", nullable: false)
                },
                constraints: table =>
                {
                    table.PrimaryKey("PK_SeatHoldings", x => new { x.OrganizationId, x.Tier });
                    table.ForeignKey(
                        name: "FK_SeatHoldings_Organizations_OrganizationId",
                        column: x => x.OrganizationId,
                        principalTable: "Organizations",
                        principalColumn: "Id",
                        onDelete: ReferentialAction.Cascade);
                });

            // Seats held (Active or LoginBlocked members) per organization and tier, kept by the database itself.
            migrationBuilder.Sql("""
                INSERT INTO "SeatHoldings" ("OrganizationId", "Tier", "Held")
                SELECT "OrganizationId", COALESCE("SeatTier", ''), COUNT(*) FROM "Memberships"
                WHERE "Status" IN ('Active', 'LoginBlocked') GROUP BY "OrganizationId", COALESCE("SeatTier", '');
                """);
            migrationBuilder.Sql("""
                CREATE FUNCTION seat_holdings_track() RETURNS trigger LANGUAGE plpgsql AS $$
                BEGIN
                    IF TG_OP IN ('UPDATE', 'DELETE') AND OLD."Status" IN ('Active', 'LoginBlocked') THEN
                        UPDATE "SeatHoldings" SET "Held" = "Held" - 1
                        WHERE "OrganizationId" = OLD."OrganizationId" AND "Tier" = COALESCE(OLD."SeatTier", '');
                    END IF;
                    IF TG_OP IN ('UPDATE', 'INSERT') AND NEW."Status" IN ('Active', 'LoginBlocked') THEN
                        INSERT INTO "SeatHoldings" ("OrganizationId", "Tier", "Held") VALUES (NEW."OrganizationId", COALESCE(NEW."SeatTier", ''), 1)
                        ON CONFLICT ("OrganizationId", "Tier") DO UPDATE SET "Held" = "SeatHoldings"."Held" + 1;
                    END IF;
                    RETURN NULL;
                END $$;
                """);
            migrationBuilder.Sql("""
                CREATE TRIGGER "Memberships_SeatHoldings" AFTER INSERT OR DELETE OR UPDATE OF "Status", "SeatTier", "OrganizationId"
                ON "Memberships" FOR EACH ROW EXECUTE FUNCTION seat_holdings_track();
                """);
        }

        /// <inheritdoc />
        protected override void Down(MigrationBuilder migrationBuilder)
        {
            migrationBuilder.Sql("""DROP TRIGGER IF EXISTS "Memberships_SeatHoldings" ON "Memberships";""");
            migrationBuilder.Sql("DROP FUNCTION IF EXISTS seat_holdings_track();");
            migrationBuilder.DropTable(
                name: "SeatHoldings");
        }
    }
}
