using Movilidad.Platform.Writes;

namespace Movilidad.Platform.Demand;

/// <summary>
/// A system-dynamics model in the library (action 1.6): its title, the country it estimates demand for (its focal point
/// maintains it; none for a regional model, which the Secretariat maintains), and its uploaded versions, newest last.
/// </summary>
public sealed class DemandModel : IVersioned
{
    public int Id { get; set; }

    /// <summary>The address of the model's page: lower-case letters, digits and hyphens; unique.</summary>
    public required string Slug { get; set; }

    public required string Title { get; set; }

    /// <summary>ISO 3166-1 alpha-2 of the country the model is for, or null for a regional model.</summary>
    public string? Country { get; set; }

    public int Version { get; set; }

    public DateTime CreatedAt { get; set; }

    public required string CreatedBy { get; set; }

    public List<DemandModelVersion> Versions { get; set; } = [];

    public List<DemandBinding> Bindings { get; set; } = [];

    public List<DemandScenario> Scenarios { get; set; } = [];
}

/// <summary>One uploaded file of a model, kept whole: runs name the version they ran, so a run reproduces on the same text.</summary>
public sealed class DemandModelVersion
{
    public int Id { get; set; }

    public int ModelId { get; set; }

    /// <summary>1 for the first upload, then one more per upload.</summary>
    public int Number { get; set; }

    public required string FileName { get; set; }

    /// <summary><c>vensim</c> or <c>xmile</c>.</summary>
    public required string Format { get; set; }

    /// <summary>The model's text as uploaded (UTF-8).</summary>
    public required string Source { get; set; }

    /// <summary>SHA-256 of the model file and its data files, lower-case hexadecimal.</summary>
    public required string Sha256 { get; set; }

    public int VariableCount { get; set; }

    public DateTime UploadedAt { get; set; }

    public required string UploadedBy { get; set; }

    public string? Note { get; set; }

    public List<DemandDataFile> DataFiles { get; set; } = [];
}

/// <summary>A data file uploaded with a model version (the CSV or spreadsheet its GET DATA functions read).</summary>
public sealed class DemandDataFile
{
    public int Id { get; set; }

    public int ModelVersionId { get; set; }

    public required string FileName { get; set; }

    public required byte[] Content { get; set; }
}

/// <summary>
/// A data variable or constant fed from the labour-market records: a series (dataset, measure, occupation, area,
/// programme, summed or averaged per period, aligned to fiscal years, calendar years or quarters) or a proxy series with
/// a transformation (scale, lag in model time units, index to a base period). The dataset is kept by id without a
/// foreign key, so a deleted dataset leaves the binding in place, reported as no longer resolving.
/// </summary>
public sealed class DemandBinding : IVersioned
{
    public int Id { get; set; }

    public int ModelId { get; set; }

    /// <summary>The model variable bound, as the model names it.</summary>
    public required string Variable { get; set; }

    /// <summary><c>series</c> (a labour-market series as it is) or <c>proxy</c> (transformed).</summary>
    public required string Kind { get; set; }

    public int? DatasetId { get; set; }

    public required string Measure { get; set; }

    /// <summary>ISCO-08 group of 1 to 4 digits.</summary>
    public string? Occupation { get; set; }

    /// <summary>ISO 3166-1 or ISO 3166-2.</summary>
    public string? Area { get; set; }

    public string? Programme { get; set; }

    /// <summary><c>sum</c> or <c>mean</c> of the values within one aligned period.</summary>
    public required string Aggregation { get; set; }

    /// <summary><c>fiscal-year</c>, <c>calendar-year</c> or <c>quarter</c>.</summary>
    public required string Alignment { get; set; }

    public double Scale { get; set; } = 1;

    /// <summary>Model time units the series is shifted later by.</summary>
    public double Lag { get; set; }

    /// <summary>The model time whose value the series is divided by (index = 1 there), or null for no index.</summary>
    public double? IndexBase { get; set; }

    public int Version { get; set; }
}

/// <summary>Named overrides of a model's constants and lookups (JSON), and which bindings feed the run.</summary>
public sealed class DemandScenario : IVersioned
{
    public int Id { get; set; }

    public int ModelId { get; set; }

    public required string Name { get; set; }

    public string? Description { get; set; }

    /// <summary>JSON: <c>{"constants":{"name":value},"lookups":{"name":{"x":[..],"y":[..]}},"bindings":true}</c>.</summary>
    public required string Overrides { get; set; }

    public int Version { get; set; }

    public DateTime CreatedAt { get; set; }

    public required string CreatedBy { get; set; }
}

/// <summary>
/// A run of a model version: a simulation, a Monte Carlo sensitivity or a calibration. It keeps everything it ran with
/// (the inputs as JSON, with the values bound from the records and the seed) and a SHA-256 of the model version and the
/// inputs, so the same run gives the same numbers; long runs report their progress here while they work.
/// </summary>
public sealed class DemandRun
{
    public int Id { get; set; }

    public int ModelVersionId { get; set; }

    public int? ScenarioId { get; set; }

    /// <summary>The scenario's name when it ran (a scenario edited later does not change what the run says it ran).</summary>
    public string? ScenarioName { get; set; }

    /// <summary><c>simulation</c>, <c>sensitivity</c> or <c>calibration</c>.</summary>
    public required string Kind { get; set; }

    /// <summary><c>queued</c>, <c>running</c>, <c>done</c>, <c>stopped</c> or <c>failed</c>.</summary>
    public required string Status { get; set; }

    /// <summary>0 to 1.</summary>
    public double Progress { get; set; }

    /// <summary>A stop asked for by a person: the calibration stops at its next evaluation and reports its best so far.</summary>
    public bool StopRequested { get; set; }

    public required string Inputs { get; set; }

    public required string InputsHash { get; set; }

    /// <summary>The results as JSON (series per variable; percentiles; fitted values and statistics), when done.</summary>
    public string? Results { get; set; }

    public string? Error { get; set; }

    public DateTime CreatedAt { get; set; }

    public DateTime? FinishedAt { get; set; }

    public required string CreatedBy { get; set; }

    public int? CreatedById { get; set; }
}
