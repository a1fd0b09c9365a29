using IdentityAccess.Core.Persistence;
using Microsoft.EntityFrameworkCore;

namespace IdentityAccess.Core.Members;

/// <summary>
/// The members search: a part of the name or email, any case. Answered from a trigram index (SQLite: the FTS5 table
/// PeopleSearch, kept by triggers on People; PostgreSQL: pg_trgm GIN indexes on People), so a search of a
/// 100,000-member organization does not read every person.
/// </summary>
internal static class MemberSearch
{
    /// <summary>A trigram index finds nothing shorter than three characters: shorter searches read every member.</summary>
    public const int IndexedLength = 3;

    public static IQueryable<Membership> Matching(IdentityAccessDbContext db, IQueryable<Membership> members, string search)
    {
        var term = search.Trim();
        if (db.Database.IsSqlite() && term.Length >= IndexedLength)
        {
            // A quoted FTS5 string is a phrase, which the trigram tokenizer matches as a substring, case folded.
            var phrase = "\"" + term.Replace("\"", "\"\"", StringComparison.Ordinal) + "\"";
            var hits = db.People.FromSql($"SELECT * FROM People WHERE rowid IN (SELECT rowid FROM PeopleSearch WHERE PeopleSearch MATCH {phrase})")
                .Select(p => p.Id);
            return members.Where(m => hits.Contains(m.PersonId));
        }

        var upper = term.ToUpperInvariant();
        if (db.Database.IsNpgsql())
        {
            // LIKE, not strpos: pg_trgm's GIN indexes serve LIKE '%…%' (on these exact expressions), not strpos.
            var pattern = "%" + EscapeLike(upper) + "%";
            return members.Where(m => EF.Functions.Like(m.Person!.NormalizedEmail, pattern, "\\")
                || EF.Functions.Like(m.Person.DisplayName.ToUpper(), pattern, "\\"));
        }

        return members.Where(m => m.Person!.NormalizedEmail.Contains(upper) || m.Person.DisplayName.ToUpper().Contains(upper));
    }

    private static string EscapeLike(string text) =>
        text.Replace("\\", "\\\\", StringComparison.Ordinal).Replace("%", "\\%", StringComparison.Ordinal).Replace("_", "\\_", StringComparison.Ordinal);
}
