using System;
using Microsoft.EntityFrameworkCore.Migrations;
using Npgsql.EntityFrameworkCore.PostgreSQL.Metadata;

#nullable disable

namespace IdentityAccess.Core.Persistence.Migrations.Postgres
{
    /// <inheritdoc />
    public partial class SeatHoldingChanges : Migration
    {
        /// <inheritdoc />
        protected override void Up(MigrationBuilder migrationBuilder)
        {
            migrationBuilder.CreateTable(
                name: "SeatHoldingChanges",
                columns: table => new
                {
                    Id = table.Column<long>(type: "bigint", nullable: false)
                        .Annotation("Npgsql:ValueGenerationStrategy", NpgsqlValueGenerationStrategy.IdentityByDefaultColumn),
                    OrganizationId = table.Column<Guid>(type: "uuid", nullable: false),
                    Tier = table.Column<string>(type: "character varying(32)", maxLength: 32, nullable: false),
                    Delta = table.Column<int>(type: "integer", nullable: false)
                },
                constraints: table =>
                {
                    table.PrimaryKey("PK_SeatHoldingChanges", x => x.Id);
                });

            migrationBuilder.CreateIndex(
                name: "IX_SeatHoldingChanges_OrganizationId",
                table: "SeatHoldingChanges",
                column: "OrganizationId");

            // The trigger now appends +1/-1 rows instead of updating the counter row: one row updated once per
            // membership in a single transaction leaves a version chain each update walks (110 s for 100k). Writers
            // fold the rows into the counter under the organization's lock (SeatHoldingCounts.FoldAsync).
            migrationBuilder.Sql("""
                CREATE OR REPLACE FUNCTION seat_holdings_track() RETURNS trigger LANGUAGE plpgsql AS $$
                BEGIN
                    IF TG_OP = 'UPDATE' AND OLD."Status" IN ('Active', 'LoginBlocked') AND NEW."Status" IN ('Active', 'LoginBlocked')
                        AND OLD."OrganizationId" = NEW."OrganizationId" AND COALESCE(OLD."SeatTier", '') = COALESCE(NEW."SeatTier", '') THEN
                        RETURN NULL; -- still holding the same seat
                    END IF;
                    IF TG_OP IN ('UPDATE', 'DELETE') AND OLD."Status" IN ('Active', 'LoginBlocked') THEN
                        INSERT INTO "SeatHoldingChanges" ("OrganizationId", "Tier", "Delta") VALUES (OLD."OrganizationId", COALESCE(OLD."SeatTier", ''), -1);
                    END IF;
                    IF TG_OP IN ('UPDATE', 'INSERT') AND NEW."Status" IN ('Active', 'LoginBlocked') THEN
                        INSERT INTO "SeatHoldingChanges" ("OrganizationId", "Tier", "Delta") VALUES (NEW."OrganizationId", COALESCE(NEW."SeatTier", ''), 1);
                    END IF;
                    RETURN NULL;
                END $$;
                """);
        }

        /// <inheritdoc />
        protected override void Down(MigrationBuilder migrationBuilder)
        {
            migrationBuilder.Sql("""
                INSERT INTO "SeatHoldings" ("OrganizationId", "Tier", "Held")
                SELECT c."OrganizationId", c."Tier", SUM(c."Delta")::int FROM "SeatHoldingChanges" c
                JOIN "Organizations" o ON o."Id" = c."OrganizationId" GROUP BY c."OrganizationId", c."Tier"
                ON CONFLICT ("OrganizationId", "Tier") DO UPDATE SET "Held" = "SeatHoldings"."Held" + EXCLUDED."Held";
                """);
            migrationBuilder.Sql("""
                CREATE OR REPLACE FUNCTION seat_holdings_track() RETURNS trigger LANGUAGE plpgsql AS $$
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
            migrationBuilder.DropTable(
                name: "SeatHoldingChanges");
        }
    }
}
