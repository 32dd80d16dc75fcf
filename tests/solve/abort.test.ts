import { describe, expect, test } from 'vitest';
import { linkedAbort } from '../../src/solve/abort.js';

describe('linkedAbort', () => {
  test('follows the outer signal until released', () => {
    const outer = new AbortController();
    const linked = linkedAbort(outer.signal);
    expect(linked.signal.aborted).toBe(false);
    outer.abort();
    expect(linked.signal.aborted).toBe(true);

    const later = new AbortController();
    const released = linkedAbort(later.signal);
    released.release();
    later.abort();
    expect(released.signal.aborted).toBe(false);
  });

  test('stops on its own without stopping the outer signal', () => {
    const outer = new AbortController();
    const linked = linkedAbort(outer.signal);
    linked.abort();
    expect([linked.signal.aborted, outer.signal.aborted]).toEqual([true, false]);
  });

  test('an outer signal already stopped, or none at all', () => {
    const outer = new AbortController();
    outer.abort();
    expect(linkedAbort(outer.signal).signal.aborted).toBe(true);
    const alone = linkedAbort(undefined);
    expect(alone.signal.aborted).toBe(false);
    alone.abort();
    expect(alone.signal.aborted).toBe(true);
  });
});
