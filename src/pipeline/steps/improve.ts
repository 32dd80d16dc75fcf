/**
 * improve: the whole model again, from the best schedule so far as a warm
 * start, keeping the best bound proven so far, until it is proven optimal
 * or the time runs out. Never returns anything worse than what it started
 * from (the run keeps the better of the two by its own score).
 */
import { initialValues, scheduleOf } from '../../model/solution.js';
import { resultOf, solveOptions, withBound, type Step } from '../step.js';

export const improveStep: Step = async (request) => {
  const incumbent = request.incumbent;
  if (!incumbent) return { kind: 'none', why: 'no schedule to improve' };
  const model = request.models.whole();
  if (!model) return { kind: 'none', why: 'the whole model could not be built' };
  if (request.left() < 1) return { kind: 'none', why: 'no time left' };
  const start = initialValues(model, incumbent.schedule);
  const r = await request.solver(model.mip, solveOptions(request, start));
  return resultOf(request, model, withBound(r, request.bound), (values) => scheduleOf(model, values));
};
