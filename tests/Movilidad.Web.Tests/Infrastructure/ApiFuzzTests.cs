using System.Collections.Concurrent;
using System.Globalization;
using System.Net.Http.Headers;
using System.Text;
using System.Text.Json;
using System.Text.Json.Nodes;
using Microsoft.EntityFrameworkCore;
using Xunit.Abstractions;

namespace Movilidad.Web.Tests.Infrastructure;

/// <summary>
/// Requests built from <c>/openapi/v1.json</c> for every operation the API documents, read and write, sent as every
/// role: route, query and body values drawn from the document's schemas and from the database's real ids, then broken
/// (values of the wrong kind, nulls, missing and extra fields, long text, extreme numbers, bodies that are not JSON,
/// other media types, bodies over the limit). No answer may be a 5xx, and every 400, 413 and 415 is problem details.
/// The seed is printed; <c>MOVILIDAD_FUZZ_SEED</c> replays a run, <c>MOVILIDAD_FUZZ_REQUESTS</c> changes its size.
/// </summary>
public abstract class ApiFuzzTests(MovilidadApp app, ITestOutputHelper output)
{
    private static readonly string[] Roles =
        ["anonymous", "secretariat", "presidency", "focal-point:GT", "working-group-member:GT-ML", "observer", "civil-society"];

    private static readonly string[] Methods = ["get", "post", "put", "delete", "patch"];

    private static readonly string[] Countries = ["GT", "MX", "HN", "CR", "gt", "ZZ", "XX1", "ñ"];

    private static readonly string[] RawBodies =
        ["", "{", "}", "null", "[]", "\"x\"", "0", "{\"version\":", "1e400", "{\"a\":1,\"a\":2}", new string('[', 300) + new string(']', 300), "\u0000\u0001", "<xml/>"];

    private static readonly string[] JunkText =
        ["a", "-1", "0", "1.5", "1e9", "99999999999", "2147483648", "", " ", "' OR 1=1 --", "<script>alert(1)</script>", "ñandú", "../../etc/passwd", "%00", "null", "true",
         new string('x', 5000)];

    private sealed record Call(string Role, HttpMethod Method, string Url, byte[]? Body, string? ContentType);

    /// <summary>Ids and keys that exist, so that generated requests reach the code behind the lookups as well as the 404s.</summary>
    private sealed record Pool(int[] Ids, string[] PlanKeys, string[] Periods);

    [Fact]
    public async Task EveryEndpoint_AsEveryRole_WithGeneratedInput_NeverAnswers5xx()
    {
        var seed = Environment.GetEnvironmentVariable("MOVILIDAD_FUZZ_SEED") is { Length: > 0 } fixedSeed
            ? int.Parse(fixedSeed, CultureInfo.InvariantCulture)
            : Random.Shared.Next();
        var wanted = Environment.GetEnvironmentVariable("MOVILIDAD_FUZZ_REQUESTS") is { Length: > 0 } size ? int.Parse(size, CultureInfo.InvariantCulture) : 5_000;
        using var document = JsonDocument.Parse(await app.ClientIn("en").GetStringAsync("/openapi/v1.json"));
        var generator = new Generator(document.RootElement, new Random(seed), await PoolAsync());
        var operations = generator.Operations();
        Assert.True(operations.Count > 50, $"The OpenAPI document lists only {operations.Count} operations.");

        var calls = new List<Call>();
        while (calls.Count < wanted)
        {
            foreach (var (method, path, operation) in operations)
            {
                calls.AddRange(Roles.Select(role => generator.Build(role, method, path, operation)));
            }
        }

        var clients = new Dictionary<string, HttpClient>();
        foreach (var role in Roles)
        {
            clients[role] = role == "anonymous" ? app.ClientIn("en") : await app.ClientInAsync("en", role);
        }

        var statuses = new ConcurrentDictionary<int, int>();
        var failures = new ConcurrentBag<string>();
        var started = DateTime.UtcNow;
        await Parallel.ForEachAsync(calls, new ParallelOptions { MaxDegreeOfParallelism = 4 }, async (call, ct) =>
        {
            using var request = new HttpRequestMessage(call.Method, call.Url);
            if (call.Body is not null)
            {
                request.Content = new ByteArrayContent(call.Body);
                if (call.ContentType is not null)
                {
                    request.Content.Headers.ContentType = MediaTypeHeaderValue.Parse(call.ContentType);
                }
            }

            using var response = await clients[call.Role].SendAsync(request, ct);
            var status = (int)response.StatusCode;
            statuses.AddOrUpdate(status, 1, (_, n) => n + 1);
            var problem = response.Content.Headers.ContentType?.MediaType == "application/problem+json";
            if (status >= 500 || (status is 400 or 413 or 415 && !problem))
            {
                var text = await response.Content.ReadAsStringAsync(ct);
                var body = call.Body is null ? string.Empty : Encoding.UTF8.GetString(call.Body, 0, Math.Min(call.Body.Length, 300));
                failures.Add($"{call.Method} {call.Url[..Math.Min(call.Url.Length, 200)]} as {call.Role} ({call.ContentType}) {body} -> {status} {text[..Math.Min(text.Length, 500)]}");
            }
        });

        var summary = $"API fuzz on {app.Provider}: seed {seed}, {calls.Count} requests over {operations.Count} operations x {Roles.Length} roles "
            + $"in {(DateTime.UtcNow - started).TotalSeconds:F0} s; statuses {string.Join(", ", statuses.OrderBy(s => s.Key).Select(s => $"{s.Key}: {s.Value}"))}; "
            + $"{failures.Count} failures (5xx or a 400/413/415 that is not problem details).";
        output.WriteLine(summary);
        Assert.True(failures.IsEmpty, summary + " Replay with MOVILIDAD_FUZZ_SEED=" + seed.ToString(CultureInfo.InvariantCulture) + ".\n"
            + string.Join("\n", failures.Order(StringComparer.Ordinal).Take(40)));
    }

    private async Task<Pool> PoolAsync()
    {
        await using var db = app.CreateDb();
        var ids = new List<int>();
        ids.AddRange(await db.Plans.IgnoreQueryFilters().Select(p => p.Id).ToListAsync());
        ids.AddRange(await db.PlanElements.IgnoreQueryFilters().OrderBy(e => e.Id).Select(e => e.Id).Take(5).ToListAsync());
        ids.AddRange(await db.Institutions.Where(i => i.CountryCode == "GT" || i.CountryCode == "MX" || i.Code == "GT-ML").Select(i => i.Id).ToListAsync());
        ids.AddRange(await db.Activities.IgnoreQueryFilters().OrderBy(a => a.Id).Select(a => a.Id).Take(5).ToListAsync());
        ids.AddRange(await db.Pledges.OrderBy(p => p.Id).Select(p => p.Id).Take(5).ToListAsync());
        ids.AddRange(await db.PledgeUpdates.OrderBy(p => p.Id).Select(p => p.Id).Take(3).ToListAsync());
        ids.AddRange(await db.Practices.OrderBy(p => p.Id).Select(p => p.Id).Take(3).ToListAsync());
        ids.AddRange(await db.Indicators.OrderBy(i => i.Id).Select(i => i.Id).Take(5).ToListAsync());
        ids.AddRange(await db.Reports.OrderBy(r => r.Id).Select(r => r.Id).Take(3).ToListAsync());
        ids.AddRange(await db.Comments.IgnoreQueryFilters().OrderBy(c => c.Id).Select(c => c.Id).Take(3).ToListAsync());
        var keys = await db.Plans.IgnoreQueryFilters().Select(p => p.Key).ToListAsync();
        var periods = await db.ReportingPeriods.Select(p => p.Code).Distinct().Take(6).ToListAsync();
        return new Pool([.. ids.Distinct(), 0, -1, int.MaxValue], [.. keys, "no-such-plan"], [.. periods, "2025-S3", "x"]);
    }

    /// <summary>Draws requests from the document's operations and schemas; every choice comes from one seeded random source.</summary>
    private sealed class Generator(JsonElement document, Random random, Pool pool)
    {
        public List<(HttpMethod Method, string Path, JsonElement Operation)> Operations() =>
            [.. document.GetProperty("paths").EnumerateObject()
                .Where(p => p.Name.StartsWith("/api/", StringComparison.Ordinal))
                .SelectMany(p => p.Value.EnumerateObject().Where(o => Methods.Contains(o.Name)).Select(o => (new HttpMethod(o.Name.ToUpperInvariant()), p.Name, o.Value)))];

        public Call Build(string role, HttpMethod method, string path, JsonElement operation)
        {
            var query = new List<string>();
            var url = path;
            foreach (var parameter in operation.TryGetProperty("parameters", out var list) ? list.EnumerateArray() : Enumerable.Empty<JsonElement>())
            {
                var name = parameter.GetProperty("name").GetString()!;
                var schema = parameter.TryGetProperty("schema", out var s) ? s : default;
                switch (parameter.GetProperty("in").GetString())
                {
                    case "path":
                        url = url.Replace("{" + name + "}", Uri.EscapeDataString(PathValue(name, schema)), StringComparison.Ordinal);
                        break;
                    case "query" when Chance(0.7):
                        query.Add($"{Uri.EscapeDataString(name)}={Uri.EscapeDataString(Chance(0.7) ? Scalar(name, schema) : Pick(JunkText))}");
                        break;
                }
            }

            if (Chance(0.05))
            {
                query.Add($"{Pick(["id", "plan", "version", "x"])}={Uri.EscapeDataString(Pick(JunkText))}");
            }

            url += query.Count == 0 ? string.Empty : "?" + string.Join('&', query);
            var (body, contentType) = operation.TryGetProperty("requestBody", out var requestBody) ? Body(requestBody) : (null, null);
            if (body is null && method != HttpMethod.Get && Chance(0.05))
            {
                (body, contentType) = (Encoding.UTF8.GetBytes(Pick(RawBodies)), "application/json");
            }

            return new Call(role, method, url, body, contentType);
        }

        private (byte[]? Body, string? ContentType) Body(JsonElement requestBody)
        {
            var content = requestBody.GetProperty("content");
            var roll = random.NextDouble();
            if (roll < 0.02)
            {
                var big = new byte[1_100_000 + random.Next(500_000)];
                Array.Fill(big, (byte)'a');
                "{\"x\":\""u8.CopyTo(big);
                return (big, "application/json");
            }

            if (roll < 0.06)
            {
                return (Encoding.UTF8.GetBytes(Pick(RawBodies)), Pick(["text/plain", "application/xml", "application/x-www-form-urlencoded", "multipart/form-data; boundary=x"]));
            }

            if (!content.TryGetProperty("application/json", out var json))
            {
                // The matrix upload: a workbook as multipart, or something that is not one.
                var junk = Encoding.UTF8.GetBytes("--x\r\nContent-Disposition: form-data; name=\"file\"; filename=\"m.xlsx\"\r\n\r\nPK\u0003\u0004junk\r\n--x--\r\n");
                return Chance(0.5) ? (junk, "multipart/form-data; boundary=x") : (Encoding.UTF8.GetBytes(Pick(RawBodies)), Pick(["application/json", "multipart/form-data; boundary=y"]));
            }

            if (roll < 0.14)
            {
                return (Encoding.UTF8.GetBytes(Pick(RawBodies)), "application/json");
            }

            var mutate = roll < 0.45 ? 0.15 : 0.0;
            var node = Value(json.GetProperty("schema"), "body", 0, mutate);
            return (Encoding.UTF8.GetBytes(node?.ToJsonString() ?? "null"), Chance(0.9) ? "application/json" : "application/json; charset=utf-8");
        }

        private string PathValue(string name, JsonElement schema)
        {
            if (name == "plan")
            {
                return Chance(0.6) ? Pick(pool.PlanKeys) : Pick(pool.Ids).ToString(CultureInfo.InvariantCulture);
            }

            if (name == "period")
            {
                return Pick(pool.Periods);
            }

            if (name == "country")
            {
                return Pick(Countries);
            }

            return Types(schema).Contains("integer") && !Chance(0.05) ? Pick(pool.Ids).ToString(CultureInfo.InvariantCulture) : Pick(JunkText.Where(j => j.Length is > 0 and < 100).ToArray());
        }

        private string Scalar(string name, JsonElement schema) => Value(schema, name, 0, 0) switch
        {
            JsonValue value when value.TryGetValue<string>(out var text) => text,
            { } other => other.ToJsonString().Trim('"'),
            null => string.Empty,
        };

        /// <summary>A value for a schema: valid in kind most of the time; with probability <paramref name="mutate"/> at each node, something else.</summary>
        private JsonNode? Value(JsonElement schema, string name, int depth, double mutate)
        {
            if (mutate > 0 && Chance(mutate))
            {
                return Junk();
            }

            schema = Resolve(schema);
            if (schema.ValueKind != JsonValueKind.Object || depth > 6)
            {
                return null;
            }

            foreach (var combinator in new[] { "oneOf", "anyOf", "allOf" })
            {
                if (schema.TryGetProperty(combinator, out var variants))
                {
                    var choices = variants.EnumerateArray().Where(v => !Types(Resolve(v)).SequenceEqual(["null"])).ToList();
                    return choices.Count == 0 || Chance(0.05) ? null : Value(choices[random.Next(choices.Count)], name, depth + 1, mutate);
                }
            }

            if (schema.TryGetProperty("enum", out var values))
            {
                var all = values.EnumerateArray().ToList();
                return all.Count == 0 ? null : JsonNode.Parse(all[random.Next(all.Count)].GetRawText());
            }

            var types = Types(schema);
            if (types.Contains("null") && Chance(0.05))
            {
                return null;
            }

            var format = schema.TryGetProperty("format", out var f) ? f.GetString() : null;
            var lower = name.ToLowerInvariant();
            if (types.Contains("object") || schema.TryGetProperty("properties", out _))
            {
                var result = new JsonObject();
                if (schema.TryGetProperty("properties", out var properties))
                {
                    foreach (var property in properties.EnumerateObject())
                    {
                        if (Chance(0.92))
                        {
                            result[property.Name] = Value(property.Value, property.Name, depth + 1, mutate);
                        }
                    }
                }

                if (mutate > 0 && Chance(0.1))
                {
                    result["unexpected" + random.Next(10).ToString(CultureInfo.InvariantCulture)] = Junk();
                }

                return result;
            }

            if (types.Contains("array"))
            {
                var array = new JsonArray();
                var items = schema.TryGetProperty("items", out var i) ? i : default;
                for (var n = random.Next(4); n > 0; n--)
                {
                    array.Add(Value(items, name, depth + 1, mutate));
                }

                return array;
            }

            if (types.Contains("integer"))
            {
                return lower switch
                {
                    _ when lower.Contains("year", StringComparison.Ordinal) => random.Next(2019, 2031),
                    _ when lower.Contains("quarter", StringComparison.Ordinal) || lower.Contains("half", StringComparison.Ordinal) => random.Next(0, 6),
                    _ when lower == "version" => random.Next(0, 3),
                    _ when lower.Contains("id", StringComparison.Ordinal) || lower is "pledgers" or "elements" or "activities" or "body" => Pick(pool.Ids),
                    _ => Chance(0.8) ? random.Next(-1, 30) : Pick(pool.Ids),
                };
            }

            if (types.Contains("number"))
            {
                return Chance(0.9) ? Math.Round(random.NextDouble() * 10_000, 2) : Pick([-1.5, 0, 1e15, 123456789.123]);
            }

            if (types.Contains("boolean"))
            {
                return Chance(0.5);
            }

            if (format == "byte")
            {
                return Convert.ToBase64String(Chance(0.7) ? "%PDF-1.4\n%%EOF"u8.ToArray() : Encoding.UTF8.GetBytes(Pick(JunkText)));
            }

            return format switch
            {
                "date" => Chance(0.9) ? $"{random.Next(2019, 2031)}-{random.Next(1, 13):D2}-{random.Next(1, 29):D2}" : "2025-02-30",
                "date-time" => $"{random.Next(2019, 2031)}-{random.Next(1, 13):D2}-{random.Next(1, 29):D2}T10:00:00Z",
                _ when lower.Contains("country", StringComparison.Ordinal) => Pick(Countries),
                _ when lower.Contains("language", StringComparison.Ordinal) => Pick(["es", "en", "fr"]),
                _ when lower.Contains("format", StringComparison.Ordinal) => Pick(["docx", "pdf", "xlsx"]),
                _ when lower.Contains("plan", StringComparison.Ordinal) => Pick(pool.PlanKeys),
                _ when lower.Contains("period", StringComparison.Ordinal) || lower.Contains("semester", StringComparison.Ordinal) => Pick([.. pool.Periods, "2025-S2", "2025-S1"]),
                _ when lower.Contains("month", StringComparison.Ordinal) => $"{random.Next(2024, 2028)}-{random.Next(0, 14):D2}",
                _ when lower.Contains("url", StringComparison.Ordinal) => Pick(["https://example.org/x", "javascript:alert(1)", "not a url"]),
                _ when lower.Contains("entitytype", StringComparison.Ordinal) => Pick(["plan-element", "activity", "pledge", "x"]),
                _ when lower.Contains("entityid", StringComparison.Ordinal) => Pick(pool.Ids).ToString(CultureInfo.InvariantCulture),
                _ when lower.Contains("contenttype", StringComparison.Ordinal) => Pick(["application/pdf", "image/png", "text/html"]),
                _ => Chance(0.85) ? Pick(["Texto", "Text", "Acción regional", "Plan", "Nota"]) + " " + random.Next(1000).ToString(CultureInfo.InvariantCulture) : Pick(JunkText),
            };
        }

        private JsonNode? Junk() => random.Next(11) switch
        {
            0 => null,
            1 => "x",
            2 => -1,
            3 => JsonValue.Create(1e30),
            4 => true,
            5 => new JsonArray(1, "a", null),
            6 => new JsonObject { ["a"] = 1 },
            7 => new string('é', 5000),
            8 => JsonValue.Create(2147483648L),
            9 => "2025-13-45",
            _ => "",
        };

        private JsonElement Resolve(JsonElement schema)
        {
            for (var hops = 0; hops < 20 && schema.ValueKind == JsonValueKind.Object && schema.TryGetProperty("$ref", out var reference); hops++)
            {
                var target = document;
                foreach (var segment in reference.GetString()!.TrimStart('#', '/').Split('/'))
                {
                    target = target.GetProperty(segment);
                }

                schema = target;
            }

            return schema;
        }

        private static string[] Types(JsonElement schema) =>
            schema.ValueKind != JsonValueKind.Object || !schema.TryGetProperty("type", out var type) ? []
            : type.ValueKind == JsonValueKind.Array ? [.. type.EnumerateArray().Select(t => t.GetString()!)]
            : [type.GetString()!];

        private bool Chance(double p) => random.NextDouble() < p;

        private T Pick<T>(IReadOnlyList<T> choices) => choices[random.Next(choices.Count)];
    }
}

public sealed class ApiFuzzTestsOnSqlite(SqliteApp app, ITestOutputHelper output) : ApiFuzzTests(app, output), IClassFixture<SqliteApp>;

public sealed class ApiFuzzTestsOnPostgres(PostgresApp app, ITestOutputHelper output) : ApiFuzzTests(app, output), IClassFixture<PostgresApp>;
