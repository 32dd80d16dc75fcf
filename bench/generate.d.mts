// Types of bench/generate.mjs, for the tests (tests/bench/).

export type InstanceName = 'regional' | 'national' | 'global' | 'festival' | 'regional-rules' | 'national-rules';

export type InstanceSpec =
  | {
      readonly description: string;
      readonly days: number;
      readonly calendar: 'summit' | 'festival';
      readonly rooms: Readonly<Record<string, number>>;
      readonly themes: number;
      readonly count?: number;
    }
  | {
      /** Drawn as this instance, then given issue 16's rules. */
      readonly base: InstanceName;
      readonly rules: true;
    };

export const INSTANCES: Readonly<Record<InstanceName, InstanceSpec>>;
export const GAP: number;

export type Summary = {
  readonly name: string;
  readonly seed: number;
  readonly description: string;
  readonly days: number;
  readonly rooms: number;
  readonly grid: number;
  readonly items: number;
  readonly plenary: number;
  readonly lightning: number;
  readonly workshop: number;
  readonly speakers: number;
  readonly sharedSpeakers: number;
  readonly themes: number;
  readonly availabilityRows: number;
  /** Item minutes over program minutes, per room kind. */
  readonly load: Readonly<Record<string, number>>;
};

export function seedOf(text: string): number;
export function generate(name: string, options?: { seed?: number }): { files: Record<string, string>; summary: Summary };
export function writeInstance(name: string, dir: string, options?: { seed?: number }): Summary;
export function rng(seed: number): () => number;
