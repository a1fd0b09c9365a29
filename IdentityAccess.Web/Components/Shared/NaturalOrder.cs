using System.Globalization;

namespace IdentityAccess.Web.Components.Shared;

/// <summary>
/// Names in the order a person reads them: runs of digits compare by value ("Temp Person 2" before "Temp Person 10"),
/// the rest by the current culture, ignoring case. Text order put "Bulk 1 … 5" before "Bulk 0" and "15" before "14".
/// </summary>
public sealed class NaturalOrder : IComparer<string?>
{
    public static readonly NaturalOrder Instance = new();

    public int Compare(string? x, string? y)
    {
        if (ReferenceEquals(x, y))
        {
            return 0;
        }

        if (x is null || y is null)
        {
            return x is null ? -1 : 1;
        }

        var culture = CultureInfo.CurrentCulture.CompareInfo;
        int i = 0, j = 0;
        while (i < x.Length && j < y.Length)
        {
            var xDigits = char.IsAsciiDigit(x[i]);
            var yDigits = char.IsAsciiDigit(y[j]);
            var xEnd = RunEnd(x, i, xDigits);
            var yEnd = RunEnd(y, j, yDigits);
            var order = xDigits && yDigits
                ? CompareNumbers(x.AsSpan(i, xEnd - i), y.AsSpan(j, yEnd - j))
                : culture.Compare(x.AsSpan(i, xEnd - i), y.AsSpan(j, yEnd - j), CompareOptions.IgnoreCase);
            if (order != 0)
            {
                return order;
            }

            i = xEnd;
            j = yEnd;
        }

        return (x.Length - i).CompareTo(y.Length - j);
    }

    private static int RunEnd(string s, int start, bool digits)
    {
        var end = start;
        while (end < s.Length && char.IsAsciiDigit(s[end]) == digits)
        {
            end++;
        }

        return end;
    }

    // By value without parsing (a run can be longer than any integer type): fewer significant digits is smaller, then
    // digit by digit; "007" and "7" are equal here and fall back to the rest of the name.
    private static int CompareNumbers(ReadOnlySpan<char> x, ReadOnlySpan<char> y)
    {
        x = x.TrimStart('0');
        y = y.TrimStart('0');
        return x.Length != y.Length ? x.Length.CompareTo(y.Length) : x.SequenceCompareTo(y);
    }
}
