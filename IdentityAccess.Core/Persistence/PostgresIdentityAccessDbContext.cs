using Microsoft.EntityFrameworkCore;

namespace IdentityAccess.Core.Persistence;

public sealed class PostgresIdentityAccessDbContext(DbContextOptions<PostgresIdentityAccessDbContext> options)
    : IdentityAccessDbContext(options);
