namespace IdentityAccess.Tests.TestSupport;

/// <summary>The checkout's top folder (where IdentityAccess.sln is), found from the test's output folder.</summary>
public static class RepositoryRoot
{
    public static string Path
    {
        get
        {
            var dir = new DirectoryInfo(AppContext.BaseDirectory);
            while (dir is not null && !File.Exists(System.IO.Path.Combine(dir.FullName, "IdentityAccess.sln")))
            {
                dir = dir.Parent;
            }

            return dir?.FullName ?? throw new InvalidOperationException("IdentityAccess.sln not found above " + AppContext.BaseDirectory);
        }
    }
}
