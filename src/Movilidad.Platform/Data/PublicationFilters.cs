using System.Linq.Expressions;
using Microsoft.EntityFrameworkCore;
using Microsoft.EntityFrameworkCore.Query;

namespace Movilidad.Platform.Data;

/// <summary>
/// A feature's rule of what its entities show to a reader who does not see unpublished content: each feature declares
/// its own (next to its EF configuration), found when the model is built, as its configuration is.
/// </summary>
public interface IPublicationRules
{
    void Declare(PublicationFilters filters);
}

/// <summary>
/// Turns each feature's rules into query filters: an entity is seen when <c>always</c> holds (not deleted, say) and,
/// unless the context shows unpublished content, when <c>published</c> holds.
/// </summary>
public sealed class PublicationFilters
{
    private readonly ModelBuilder model;
    private readonly Expression context;
    private readonly Expression showsUnpublished;

    internal PublicationFilters(ModelBuilder model, MovilidadDb db)
    {
        this.model = model;

        // A member of the context itself, as a filter written in OnModelCreating has it: EF reads it from the context
        // that runs each query, not from the one that built the model.
        context = Expression.Constant(db, typeof(MovilidadDb));
        showsUnpublished = Expression.Property(context, nameof(MovilidadDb.ShowsUnpublished));
    }

    /// <summary>
    /// A rule that reads more of the reader than whether they see unpublished content (<see cref="MovilidadDb.DraftGroups"/>):
    /// the whole filter, its second parameter standing for the context that runs the query.
    /// </summary>
    public PublicationFilters SeenBy<T>(Expression<Func<T, MovilidadDb, bool>> seen)
        where T : class
    {
        ArgumentNullException.ThrowIfNull(seen);
        var body = ReplacingExpressionVisitor.Replace(seen.Parameters[1], context, seen.Body);
        model.Entity<T>().HasQueryFilter(Expression.Lambda<Func<T, bool>>(body, seen.Parameters[0]));
        return this;
    }

    public PublicationFilters Seen<T>(Expression<Func<T, bool>> published, Expression<Func<T, bool>>? always = null)
        where T : class
    {
        ArgumentNullException.ThrowIfNull(published);
        var item = published.Parameters[0];
        Expression body = Expression.OrElse(showsUnpublished, published.Body);
        if (always is not null)
        {
            body = Expression.AndAlso(ReplacingExpressionVisitor.Replace(always.Parameters[0], item, always.Body), body);
        }

        model.Entity<T>().HasQueryFilter(Expression.Lambda<Func<T, bool>>(body, item));
        return this;
    }

    internal static void Apply(ModelBuilder model, MovilidadDb db)
    {
        var filters = new PublicationFilters(model, db);
        foreach (var rules in Rules)
        {
            rules.Declare(filters);
        }
    }

    private static readonly IReadOnlyList<IPublicationRules> Rules = typeof(MovilidadDb).Assembly.GetTypes()
        .Where(t => t is { IsClass: true, IsAbstract: false } && t.IsAssignableTo(typeof(IPublicationRules)))
        .Select(t => (IPublicationRules)Activator.CreateInstance(t)!).ToList();
}
