import type { Finding } from '../check/diagnose.js';
import type { Progress } from '../solve/index.js';
import type { Console } from './console.js';

export function printFindings(findings: readonly Finding[], c: Console): void {
  for (const f of findings) c.error(`  - ${f.message}`);
}

/** `solving (staged): 4.2 s, best 120, bound 80, gap 33.3 %` */
export function formatProgress(p: Progress): string {
  const parts = [`solving${p.step ? ` (${p.step})` : ''}: ${p.seconds.toFixed(1)} s`];
  if (p.objective !== null && Number.isFinite(p.objective)) parts.push(`best ${round(p.objective)}`);
  if (p.bound !== null && Number.isFinite(p.bound)) parts.push(`bound ${round(p.bound)}`);
  if (p.gap !== null && Number.isFinite(p.gap)) parts.push(`gap ${(p.gap * 100).toFixed(1)} %`);
  return parts.join(', ');
}

function round(x: number): string {
  return String(Math.round(x * 100) / 100);
}
