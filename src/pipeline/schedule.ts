/**
 * From a validated event to a checked schedule, or to the reasons there is
 * none. Pure apart from the solver it is given and the clock it is handed: no
 * files, no process. Nothing leaves here that the checker has not passed.
 */
import { FORMATS, type Event, type Schedule } from '../domain/types.js';
import type { ScheduleReport } from '../domain/report.js';
import { checkSchedule, type Violation } from '../check/check.js';
import { directFindings, unplaceableItems, type Finding } from '../check/diagnose.js';
import { buildModel, decode } from '../model/build.js';
import { buildContext, DEFAULT_RULE_OPTIONS } from '../model/context.js';
import { modelSize } from '../model/mip.js';
import { scoreThemeClashes, THEME_CLASH_TERM } from '../model/objectives/theme-clash.js';
import { solveInStages, worthStaging } from './stages.js';
import { pickBackend, solve, type BackendChoice, type Progress, type Solver } from '../solve/index.js';

export type ScheduleRequest = {
  readonly gap: number;
  readonly timeLimitSeconds: number;
  readonly backend: BackendChoice;
  /** Milliseconds from some fixed origin; the CLI passes the real clock. */
  readonly now: () => number;
  readonly onProgress?: (p: Progress) => void;
  /** For tests: a stand-in for the solver module. */
  readonly solver?: Solver;
};

export type ScheduleOutcome =
  | { readonly kind: 'scheduled'; readonly schedule: Schedule; readonly report: ScheduleReport }
  /** Proven impossible: by direct checks (findings name the culprits) or by the solver. */
  | { readonly kind: 'impossible'; readonly findings: readonly Finding[]; readonly by: 'direct checks' | 'solver' }
  /** The time limit passed before any valid schedule was found. */
  | { readonly kind: 'timedout'; readonly seconds: number }
  /** The solver failed, or returned a schedule our checker rejects (then nothing is written). */
  | { readonly kind: 'failed'; readonly message: string; readonly violations: readonly Violation[] };

export async function planSchedule(event: Event, request: ScheduleRequest): Promise<ScheduleOutcome> {
  const ctx = buildContext(event, { ...DEFAULT_RULE_OPTIONS, gap: request.gap });
  const t0 = request.now();
  const built = buildModel(ctx);
  if (!built.ok) {
    return { kind: 'impossible', by: 'direct checks', findings: [...unplaceableItems(ctx, built.rejected), ...directFindings(ctx)] };
  }
  const direct = directFindings(ctx);
  if (direct.length > 0) return { kind: 'impossible', by: 'direct checks', findings: direct };

  const { model } = built;
  const t1 = request.now();
  const backend = pickBackend(request.backend, model.mip);
  const solver = request.solver ?? solve;
  const progress = request.onProgress ? { onProgress: request.onProgress } : {};
  const result = worthStaging(ctx)
    ? await solveInStages(ctx, model, { backend, timeLimitSeconds: request.timeLimitSeconds, now: request.now, solver, ...progress })
    : await solver(model.mip, { backend, timeLimitSeconds: request.timeLimitSeconds, ...progress });
  const t2 = request.now();
  switch (result.status) {
    case 'infeasible':
      return {
        kind: 'impossible',
        by: 'solver',
        findings: [
          {
            check: 'solver',
            ids: [],
            message:
              'no schedule satisfies every hard rule at once, although each item on its own has places it could go ' +
              'and no single speaker, room or pin is overbooked: several items compete for the same rooms, speakers or times. ' +
              'Look at the busiest speakers and rooms in the input, or relax a pin or an availability row.',
          },
        ],
      };
    case 'timedout':
      return { kind: 'timedout', seconds: result.seconds };
    case 'error':
      return { kind: 'failed', message: `the ${result.backend} solver failed: ${result.message}`, violations: [] };
    default:
      break;
  }
  const schedule = decode(model, result.values);
  const violations = checkSchedule(ctx, schedule);
  if (violations.length > 0) {
    return {
      kind: 'failed',
      message: `the ${result.backend} solver returned a schedule that breaks ${violations.length} hard rule(s); nothing was written`,
      violations,
    };
  }
  // Re-scored by our own code: after a time limit a solver's own figure can be off.
  const clashes = scoreThemeClashes(ctx, schedule);
  const objective = clashes.reduce((n, c) => n + c.cost, 0);
  const optimal = result.status === 'optimal';
  const bound = optimal ? objective : result.bound;
  const gap = optimal ? 0 : bound === null ? null : objective <= 0 ? 0 : Math.max(0, (objective - bound) / objective);
  const report: ScheduleReport = {
    status: optimal ? 'optimal' : 'feasible',
    objective,
    bound,
    gap,
    terms: [{ ...THEME_CLASH_TERM, weight: 1, count: clashes.length, cost: objective }],
    counts: FORMATS.map((format) => ({ format, items: schedule.filter((a) => ctx.items.get(a.item)?.format === format).length })),
    clashes,
    solver: result.backend,
    model: { ...modelSize(model.mip), grid: model.grid },
    timing: { buildSeconds: (t1 - t0) / 1000, solveSeconds: (t2 - t1) / 1000 },
  };
  return { kind: 'scheduled', schedule, report };
}
