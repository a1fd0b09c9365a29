using IdentityAccess.Core.Api.Keys;
using Microsoft.EntityFrameworkCore;
using Microsoft.EntityFrameworkCore.Metadata.Builders;

namespace IdentityAccess.Core.Api.Idempotency;

internal sealed class ApiIdempotencyRecordConfiguration : IEntityTypeConfiguration<ApiIdempotencyRecord>
{
    public void Configure(EntityTypeBuilder<ApiIdempotencyRecord> builder)
    {
        builder.HasOne<ApiKey>().WithMany().HasForeignKey(r => r.ApiKeyId).OnDelete(DeleteBehavior.Cascade);
        builder.Property(r => r.Key).HasMaxLength(ApiIdempotencyRecord.MaxKeyLength);
        builder.Property(r => r.RequestHash).HasMaxLength(64);
        builder.Property(r => r.ContentType).HasMaxLength(200);
        builder.Property(r => r.Location).HasMaxLength(2000);
        builder.HasIndex(r => new { r.ApiKeyId, r.Key }).IsUnique(); // two racing first requests: one claims, one is told to wait
        builder.HasIndex(r => r.ExpiresAt);
    }
}
