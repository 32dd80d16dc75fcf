// Types of bench/unconference.mjs, for the tests (tests/bench/).

export type UnconferenceName = 'medium' | 'large';

export type UnconferenceSpec = {
  readonly people: number;
  readonly proposals: number;
  readonly blocks: number;
  readonly spaces: number;
  readonly capacity: readonly [number, number];
  readonly partial: number;
  readonly conflicts: number;
  readonly pins: number;
  readonly minSizes: number;
};

export const UNCONFERENCES: Readonly<Record<UnconferenceName, UnconferenceSpec>>;

export type UnconferenceSummary = {
  readonly name: string;
  readonly people: number;
  readonly proposals: number;
  readonly blocks: number;
  readonly spaces: number;
  readonly interestRows: number;
};

export function generate(name: string, options?: { seed?: number }): { files: Record<string, string>; summary: UnconferenceSummary };
export function generateFixture(dir?: string): { files: Record<string, string>; summary: { people: number; proposals: number; interestRows: number } };
export function writeUnconference(name: string, dir: string, options?: { seed?: number }): UnconferenceSummary;
export function writeFiles(dir: string, files: Record<string, string>): void;
