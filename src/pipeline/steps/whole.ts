/**
 * whole: every item, room and start in one model, solved from scratch (or
 * from the baseline of a re-run). Its optimum is the event's. As the first
 * step of a large event it stops at its first schedule, found without
 * HiGHS's presolve (strategy.ts FIRST_SCHEDULE_FROM): the search after it
 * improves that schedule faster than branch and bound would.
 */
import { scheduleOf } from '../../model/solution.js';
import { baselineStart, resultOf, solveOptions, withBound, type Step } from '../step.js';

export const wholeStep: Step = async (request) => {
  const model = request.models.whole();
  if (!model) return { kind: 'failed', message: 'the whole model could not be built' };
  // Built after an earlier step took the time: no solve past the limit.
  if (request.left() <= 0) return { kind: 'timedout' };
  const start = baselineStart(request, model);
  // From a baseline the start itself would be the first schedule: the search starts from it anyway.
  const quick = request.plan?.firstSchedule === true && start === null ? { solutionLimit: 1, presolve: false } : {};
  let r = await request.solver(model.mip, { ...solveOptions(request, start), ...quick });
  // A first step ending its share of the time empty-handed would end the run there (nothing after it can
  // start without a schedule): it solves again in the rest of the run's time rather than give that time up.
  const rest = request.runLeft?.() ?? request.left();
  if (!request.incumbent && r.status === 'timedout' && !request.signal?.aborted && rest - request.left() >= 1) {
    r = await request.solver(model.mip, { ...solveOptions(request, start), ...quick, timeLimitSeconds: rest });
  }
  return resultOf(request, model, withBound(r, request.bound), (values) => scheduleOf(model, values));
};
