/**
 * A bound on the garbage the improvement search leaves behind. Each round
 * builds a model of the whole event (on the global instance some 40 MB of
 * rows), which outlives its solve and so reaches V8's old generation; V8
 * collects that only once the heap has grown well past what is live, and
 * a 120 s run on the global instance peaked at 1,748-2,067 MiB with about
 * 180 MiB of it live. The guard collects once the heap has grown by
 * `slack` bytes since it last did: there, 6-8 collections of 170-190 ms in
 * a run, while a worker solves, and a peak of 864 MiB.
 */
import v8 from 'node:v8';
import vm from 'node:vm';

let collect: (() => void) | null | undefined;

/** V8's collector (the flag exposes it to contexts made after it is set); null if this engine will not give it. */
function collector(): (() => void) | null {
  if (collect === undefined) {
    try {
      v8.setFlagsFromString('--expose-gc');
      const gc: unknown = vm.runInNewContext('gc');
      collect = typeof gc === 'function' ? (gc as () => void) : null;
    } catch {
      collect = null;
    }
  }
  return collect;
}

const used = () => v8.getHeapStatistics().used_heap_size;

/** A check to call once per round: collects when the heap has grown by `slack` bytes since the guard began or last collected. */
export function heapGuard(slack: number): () => void {
  let floor = used();
  return () => {
    if (used() < floor + slack) return;
    collector()?.();
    floor = used();
  };
}
