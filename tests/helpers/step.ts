/** A step's request for tests that call a step directly: HiGHS, 30 s, no schedule or bound yet, unless `over` says otherwise. */
import type { Context } from '../../src/model/context.js';
import type { Objective } from '../../src/model/goals/objective.js';
import { runModels, type StepRequest } from '../../src/pipeline/step.js';
import { solve } from '../../src/solve/index.js';

export function stepRequest(ctx: Context, objective: Objective, over: Partial<StepRequest> & { readonly wholeFits?: boolean } = {}): StepRequest {
  const { wholeFits = false, ...rest } = over;
  return {
    ctx,
    objective,
    solver: solve,
    backend: 'highs',
    left: () => 30,
    meter: { seconds: 0 },
    models: runModels(ctx, objective, { seconds: 0 }, wholeFits),
    incumbent: null,
    bound: null,
    seed: 'convene',
    ...rest,
  };
}
