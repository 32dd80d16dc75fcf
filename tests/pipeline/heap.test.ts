/**
 * The search's heap guard: garbage past its slack is collected, and a heap
 * that has not grown that much is left alone.
 */
import v8 from 'node:v8';
import { describe, expect, test } from 'vitest';
import { heapGuard } from '../../src/pipeline/heap.js';

const used = () => v8.getHeapStatistics().used_heap_size;
const MiB = 2 ** 20;

/** About `mib` MiB of objects that are garbage as soon as this returns. */
function litter(mib: number): number {
  let rows: number[][] = [];
  for (let k = 0; k < mib * 16; k++) rows.push(Array.from({ length: 8192 }, (_, i) => i + k + 0.5));
  const n = rows.length;
  rows = [];
  return n;
}

describe('the heap guard', () => {
  test('collects the garbage once it has grown past the slack', () => {
    const guard = heapGuard(32 * MiB);
    litter(128);
    const before = used();
    guard();
    expect(before - used()).toBeGreaterThan(64 * MiB);
  });

  test('leaves a heap that has grown less than the slack', () => {
    const guard = heapGuard(1024 * MiB);
    litter(64);
    const before = used();
    guard();
    // Nothing collected beyond what the engine may do on its own between two reads: the litter stays counted.
    expect(used()).toBeGreaterThan(before - 16 * MiB);
  });
});
