using Microsoft.EntityFrameworkCore.Migrations;

#nullable disable

namespace IdentityAccess.Core.Persistence.Migrations.Postgres
{
    /// <inheritdoc />
    public partial class SeatCountersPerStatement : Migration
    {
        /// <inheritdoc />
        protected override void Up(MigrationBuilder migrationBuilder)
        {
            // Issue 19: the row trigger ran a PL/pgSQL call and an INSERT per membership written, a million of each when
            // Sync now changed everyone (and the fold then deleted a million change rows). Statement triggers with
            // transition tables append one change row per organization and tier whose numbers a statement moved, summed
            // over its rows: the same totals for every kind of write (EF saves, ExecuteUpdate/ExecuteDelete, COPY,
            // cascades, SQL by hand). Transition tables cannot go on a trigger of several events, hence three.
            migrationBuilder.Sql("""DROP TRIGGER "Memberships_SeatHoldings" ON "Memberships";""");
            migrationBuilder.Sql("DROP FUNCTION seat_holdings_track();");
            migrationBuilder.Sql("""
                CREATE FUNCTION seat_holdings_track_rows() RETURNS trigger LANGUAGE plpgsql AS $$
                BEGIN
                    -- Only the transition tables this trigger's event has are read (PL/pgSQL plans a branch when it runs).
                    IF TG_OP = 'INSERT' THEN
                        INSERT INTO "SeatHoldingChanges" ("OrganizationId", "Tier", "Delta", "ListedDelta")
                        SELECT "OrganizationId", COALESCE("SeatTier", ''),
                            count(*) FILTER (WHERE "Status" IN ('Active', 'LoginBlocked', 'Invited'))::int, count(*) FILTER (WHERE "Status" <> 'Removed')::int
                        FROM new_rows WHERE "Status" <> 'Removed' GROUP BY "OrganizationId", COALESCE("SeatTier", '');
                    ELSIF TG_OP = 'DELETE' THEN
                        INSERT INTO "SeatHoldingChanges" ("OrganizationId", "Tier", "Delta", "ListedDelta")
                        SELECT "OrganizationId", COALESCE("SeatTier", ''),
                            -count(*) FILTER (WHERE "Status" IN ('Active', 'LoginBlocked', 'Invited'))::int, -count(*) FILTER (WHERE "Status" <> 'Removed')::int
                        FROM old_rows WHERE "Status" <> 'Removed' GROUP BY "OrganizationId", COALESCE("SeatTier", '');
                    ELSE
                        INSERT INTO "SeatHoldingChanges" ("OrganizationId", "Tier", "Delta", "ListedDelta")
                        SELECT "OrganizationId", "Tier", SUM("Held")::int, SUM("Listed")::int FROM (
                            SELECT "OrganizationId", COALESCE("SeatTier", '') AS "Tier",
                                CASE WHEN "Status" IN ('Active', 'LoginBlocked', 'Invited') THEN 1 ELSE 0 END AS "Held",
                                CASE WHEN "Status" <> 'Removed' THEN 1 ELSE 0 END AS "Listed"
                            FROM new_rows
                            UNION ALL
                            SELECT "OrganizationId", COALESCE("SeatTier", ''),
                                CASE WHEN "Status" IN ('Active', 'LoginBlocked', 'Invited') THEN -1 ELSE 0 END,
                                CASE WHEN "Status" <> 'Removed' THEN -1 ELSE 0 END
                            FROM old_rows) AS moved
                        GROUP BY "OrganizationId", "Tier"
                        HAVING SUM("Held") <> 0 OR SUM("Listed") <> 0; -- nothing when an update moved neither number
                    END IF;
                    RETURN NULL;
                END $$;
                """);
            migrationBuilder.Sql("""
                CREATE TRIGGER "Memberships_SeatHoldings_Inserted" AFTER INSERT ON "Memberships"
                REFERENCING NEW TABLE AS new_rows FOR EACH STATEMENT EXECUTE FUNCTION seat_holdings_track_rows();
                CREATE TRIGGER "Memberships_SeatHoldings_Updated" AFTER UPDATE ON "Memberships"
                REFERENCING OLD TABLE AS old_rows NEW TABLE AS new_rows FOR EACH STATEMENT EXECUTE FUNCTION seat_holdings_track_rows();
                CREATE TRIGGER "Memberships_SeatHoldings_Deleted" AFTER DELETE ON "Memberships"
                REFERENCING OLD TABLE AS old_rows FOR EACH STATEMENT EXECUTE FUNCTION seat_holdings_track_rows();
                """);
        }

        /// <inheritdoc />
        protected override void Down(MigrationBuilder migrationBuilder)
        {
            migrationBuilder.Sql("""
                DROP TRIGGER "Memberships_SeatHoldings_Inserted" ON "Memberships";
                DROP TRIGGER "Memberships_SeatHoldings_Updated" ON "Memberships";
                DROP TRIGGER "Memberships_SeatHoldings_Deleted" ON "Memberships";
                """);
            migrationBuilder.Sql("DROP FUNCTION seat_holdings_track_rows();");
            migrationBuilder.Sql("""
                CREATE FUNCTION seat_holdings_track() RETURNS trigger LANGUAGE plpgsql AS $$
                DECLARE
                    old_held int := 0; old_listed int := 0; new_held int := 0; new_listed int := 0;
                BEGIN
                    IF TG_OP IN ('UPDATE', 'DELETE') THEN
                        old_held := CASE WHEN OLD."Status" IN ('Active', 'LoginBlocked', 'Invited') THEN 1 ELSE 0 END;
                        old_listed := CASE WHEN OLD."Status" <> 'Removed' THEN 1 ELSE 0 END;
                    END IF;
                    IF TG_OP IN ('UPDATE', 'INSERT') THEN
                        new_held := CASE WHEN NEW."Status" IN ('Active', 'LoginBlocked', 'Invited') THEN 1 ELSE 0 END;
                        new_listed := CASE WHEN NEW."Status" <> 'Removed' THEN 1 ELSE 0 END;
                    END IF;
                    IF TG_OP = 'UPDATE' AND OLD."OrganizationId" = NEW."OrganizationId" AND COALESCE(OLD."SeatTier", '') = COALESCE(NEW."SeatTier", '') THEN
                        IF new_held <> old_held OR new_listed <> old_listed THEN
                            INSERT INTO "SeatHoldingChanges" ("OrganizationId", "Tier", "Delta", "ListedDelta")
                            VALUES (NEW."OrganizationId", COALESCE(NEW."SeatTier", ''), new_held - old_held, new_listed - old_listed);
                        END IF;
                        RETURN NULL; -- one row for both counters, none when neither moved
                    END IF;
                    IF old_held + old_listed > 0 THEN
                        INSERT INTO "SeatHoldingChanges" ("OrganizationId", "Tier", "Delta", "ListedDelta")
                        VALUES (OLD."OrganizationId", COALESCE(OLD."SeatTier", ''), -old_held, -old_listed);
                    END IF;
                    IF new_held + new_listed > 0 THEN
                        INSERT INTO "SeatHoldingChanges" ("OrganizationId", "Tier", "Delta", "ListedDelta")
                        VALUES (NEW."OrganizationId", COALESCE(NEW."SeatTier", ''), new_held, new_listed);
                    END IF;
                    RETURN NULL;
                END $$;
                """);
            migrationBuilder.Sql("""
                CREATE TRIGGER "Memberships_SeatHoldings" AFTER INSERT OR DELETE OR UPDATE OF "Status", "SeatTier", "OrganizationId"
                ON "Memberships" FOR EACH ROW EXECUTE FUNCTION seat_holdings_track();
                """);
        }
    }
}
