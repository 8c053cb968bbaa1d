/*
 * Times whole runs of an SDEverywhere-generated model: initial values, then each step evaluate the auxiliaries,
 * save (every SAVEPER), update the levels (Euler), as Vensim runs. Prints processor time per 1,000 steps with every
 * variable saved into a reused, caller-owned columnar buffer, and with saving off.
 * Usage: model-bench SECONDS   (spends about SECONDS of processor time on each measure)
 *        model-bench values    (prints the variables' names and their values at the final time, tab-separated)
 */
#include <time.h>
#include "sde.h"

double _time;
double *output_buffer;
size_t output_column, output_row, output_rows;

Lookup *__new_lookup(size_t size, bool copy, double *data) {
  Lookup *lookup = malloc(sizeof(Lookup));
  lookup->n = size;
  lookup->last = 0;
  if (copy) {
    lookup->data = malloc(sizeof(double) * 2 * size);
    memcpy(lookup->data, data, sizeof(double) * 2 * size);
  } else {
    lookup->data = data;
  }
  return lookup;
}

/* Linear between points, held flat beyond the ends (Vensim lookups). */
double __lookup(Lookup *lookup, double x) {
  const double *d = lookup->data;
  size_t n = lookup->n;
  if (n == 0 || isnan(x)) return NAN;
  if (x <= d[0]) return d[1];
  if (x >= d[2 * (n - 1)]) return d[2 * (n - 1) + 1];
  size_t lo = lookup->last;
  if (!(lo < n - 1 && d[2 * lo] <= x && x < d[2 * (lo + 1)])) {
    size_t hi = n - 1;
    lo = 0;
    while (hi - lo > 1) {
      size_t mid = (lo + hi) / 2;
      if (d[2 * mid] <= x) lo = mid; else hi = mid;
    }
    lookup->last = lo;
  }
  double x0 = d[2 * lo], y0 = d[2 * lo + 1], x1 = d[2 * lo + 2], y1 = d[2 * lo + 3];
  return y0 + (x - x0) * (y1 - y0) / (x1 - x0);
}

/* Vensim VECTOR SORT ORDER: the 0-based positions of the elements in ascending (direction 1) or descending order. */
static double sort_keys[4096];
static double sort_order[4096];
static int sort_direction;
static int compare_positions(const void *a, const void *b) {
  double va = sort_keys[(size_t)*(const double *)a], vb = sort_keys[(size_t)*(const double *)b];
  int c = va < vb ? -1 : va > vb ? 1 : 0;
  return sort_direction > 0 ? c : -c;
}
double *_VECTOR_SORT_ORDER(double *vector, size_t size, double direction) {
  for (size_t i = 0; i < size; i++) {
    sort_keys[i] = vector[i];
    sort_order[i] = (double)i;
  }
  sort_direction = direction > 0 ? 1 : -1;
  qsort(sort_order, size, sizeof(double), compare_positions);
  return sort_order;
}

static long run(double *buffer, size_t rows) {
  initLookups();
  initData();
  initConstants();
  initLevels();
  _time = _initial_time;
  long steps = lround((_final_time - _initial_time) / _time_step);
  long save_every = _saveper > 0 ? lround(_saveper / _time_step) : 1;
  if (save_every < 1) save_every = 1;
  output_buffer = buffer;
  output_rows = rows;
  output_row = 0;
  for (long step = 0;; step++) {
    _time = _initial_time + step * _time_step;
    evalAux();
    if (step % save_every == 0 && buffer) {
      output_column = 0;
      storeOutputData();
      output_row++;
    }
    if (step >= steps) break;
    evalLevels();
  }
  return steps;
}

static double cpu_seconds(void) {
  struct timespec t;
  clock_gettime(CLOCK_PROCESS_CPUTIME_ID, &t);
  return t.tv_sec + t.tv_nsec * 1e-9;
}

static double measure(double *buffer, size_t rows, double budget, long *runs_out, long *steps_out) {
  for (int warmup = 0; warmup < 3; warmup++) run(buffer, rows);
  long runs = 0, steps = 0;
  double start = cpu_seconds(), elapsed;
  do {
    steps = run(buffer, rows);
    runs++;
    elapsed = cpu_seconds() - start;
  } while (elapsed < budget || runs < 5);
  *runs_out = runs;
  *steps_out = steps;
  return elapsed * 1000.0 / runs / steps * 1000.0;
}

int main(int argc, char **argv) {
  if (argc > 1 && strcmp(argv[1], "values") == 0) {
    initLookups();
    initConstants();
    long steps = lround((_final_time - _initial_time) / _time_step);
    double *last = calloc((size_t)numOutputs, sizeof(double));
    /* Room for a row per step, whatever SAVEPER is; the last row saved is the final time. */
    size_t rows = (size_t)steps + 1;
    double *all = calloc(rows * (size_t)numOutputs, sizeof(double));
    run(all, rows);
    for (int c = 0; c < numOutputs; c++) last[c] = all[(size_t)c * rows + (output_row - 1)];
    printf("%s\n", getHeader());
    for (int c = 0; c < numOutputs; c++) printf(c ? "\t%.17g" : "%.17g", last[c]);
    printf("\n");
    free(all);
    free(last);
    return 0;
  }
  double budget = argc > 1 ? atof(argv[1]) : 2.0;
  initLookups();
  initConstants();
  long steps = lround((_final_time - _initial_time) / _time_step);
  long save_every = _saveper > 0 ? lround(_saveper / _time_step) : 1;
  if (save_every < 1) save_every = 1;
  size_t rows = (size_t)(steps / save_every) + 1;
  double *buffer = calloc(rows * (size_t)numOutputs, sizeof(double));
  long runs_all, runs_none, n;
  double all = measure(buffer, rows, budget, &runs_all, &n);
  double none = measure(NULL, rows, budget, &runs_none, &n);
  printf("steps=%ld outputs=%d all=%.4f runs_all=%ld none=%.4f runs_none=%ld\n", n, numOutputs, all, runs_all, none, runs_none);
  free(buffer);
  return 0;
}
