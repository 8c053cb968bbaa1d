using Microsoft.EntityFrameworkCore;
using Movilidad.Platform.Data;

namespace Movilidad.Platform.Demand;

/// <summary>
/// Puts the reference model of <c>data/models/</c> (seasonal agricultural demand for temporary foreign workers, calibrated
/// on H-2A) in the library of a fresh database, with a baseline scenario and a faster-mechanisation one. A library that
/// already holds it is left as people made it.
/// </summary>
public sealed class ReferenceModelLoader(MovilidadDb db, TimeProvider clock) : IContentLoader
{
    public const string Slug = "seasonal-agricultural-workers";

    public int Order => 900;

    public async Task LoadAsync(string dataFolder, CancellationToken ct = default)
    {
        var path = Path.Combine(dataFolder, "models", Slug + ".mdl");
        if (!File.Exists(path) || await db.DemandModels.AnyAsync(m => m.Slug == Slug, ct))
        {
            return;
        }

        var now = clock.GetUtcNow().UtcDateTime;
        var (version, error) = DemandLibrary.Read(new UploadedFile(Path.GetFileName(path), await File.ReadAllBytesAsync(path, ct)), [], "movilidad", now);
        if (version is null)
        {
            throw new DataFileException("models/" + Slug + ".mdl", error!.Message, error);
        }

        version.Number = 1;
        version.Note = "Reference model of data/models (README there): calibrated on H-2A certifications FY2010-FY2017.";
        db.DemandModels.Add(new DemandModel
        {
            Slug = Slug,
            Title = "Seasonal agricultural demand for temporary foreign workers / Demanda estacional agrícola de trabajadores temporales extranjeros",
            CreatedAt = now,
            CreatedBy = "movilidad",
            Versions = [version],
            Scenarios =
            [
                new DemandScenario { Name = "Baseline", Description = "The calibrated model as shipped.", Overrides = "{}", CreatedAt = now, CreatedBy = "movilidad" },
                new DemandScenario
                {
                    Name = "Faster mechanisation",
                    Description = "Labour productivity grows 2 % a year instead of 1 %.",
                    Overrides = """{"constants":{"productivity growth rate":0.02}}""",
                    CreatedAt = now,
                    CreatedBy = "movilidad",
                },
            ],
        });
        await db.SaveChangesAsync(ct);
    }
}
