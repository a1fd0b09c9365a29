using Microsoft.EntityFrameworkCore.Migrations;

#nullable disable

namespace IdentityAccess.Core.Persistence.Migrations.Sqlite
{
    /// <inheritdoc />
    public partial class SeatCountersPerStatement : Migration
    {
        // PostgreSQL's seat and listed counters moved to statement triggers (issue 19). SQLite has no statement
        // triggers and updates its counters in place, so its row triggers stay; the migration exists so that both
        // providers carry the same history.

        /// <inheritdoc />
        protected override void Up(MigrationBuilder migrationBuilder)
        {
        }

        /// <inheritdoc />
        protected override void Down(MigrationBuilder migrationBuilder)
        {
        }
    }
}
