using System.Linq.Expressions;
using Microsoft.EntityFrameworkCore;
using Microsoft.EntityFrameworkCore.Metadata.Builders;
using Movilidad.Platform.Localization;

namespace Movilidad.Platform.Data;

public static class BilingualMapping
{
    /// <summary>Maps a <see cref="Bilingual"/> property to two columns, <c>{Name}Es</c> and <c>{Name}En</c>.</summary>
    public static EntityTypeBuilder<T> HasBilingual<T>(this EntityTypeBuilder<T> builder, Expression<Func<T, Bilingual?>> property, int? maxLength = null)
        where T : class
    {
        var name = ((MemberExpression)property.Body).Member.Name;
        builder.ComplexProperty(property, c =>
        {
            c.IsRequired();
            var es = c.Property(b => b.Es).HasColumnName(name + "Es").IsRequired();
            var en = c.Property(b => b.En).HasColumnName(name + "En").IsRequired();
            if (maxLength is { } length)
            {
                es.HasMaxLength(length);
                en.HasMaxLength(length);
            }
        });
        return builder;
    }
}
