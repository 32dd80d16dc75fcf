/**
 * The data of Datacamp team forming: the people (Datacamp registrants with
 * their profile and languages), the projects some of them pitch, and the
 * teams formed. Plain readonly records; every input record remembers its CSV line.
 */
import type { Sector } from './types.js';

export const PROFILES = ['journalist', 'activist', 'developer', 'designer', 'data_analyst', 'other'] as const;
export type Profile = (typeof PROFILES)[number];

/** A Datacamp registrant, as team forming sees them. */
export type Person = {
  readonly id: string;
  readonly name: string;
  readonly organization: string;
  readonly sector: Sector | null;
  readonly country: string;
  readonly profile: Profile;
  readonly skills: readonly string[];
  /** Lower-case language codes or names, as written (`es`, `en`, `pt`). */
  readonly languages: readonly string[];
  /** Registrant ids this person asked to work with. */
  readonly teamWith: readonly string[];
  readonly line: number;
};

/** A pitched project: its pitcher leads the team that builds it. */
export type Project = {
  readonly id: string;
  readonly title: string;
  readonly pitchedBy: string;
  /** Profiles the project asks for. */
  readonly needs: readonly Profile[];
};

export type TeamsInput = {
  /** Sorted by id. */
  readonly people: readonly Person[];
  /** Sorted by id. */
  readonly projects: readonly Project[];
};

export type TeamsOptions = {
  readonly minSize: number;
  readonly maxSize: number;
  /** Seeded order key of a registrant id (e.g. SHA-256 of `seed:id`): breaks ties between equally good teams. */
  readonly orderKey: (id: string) => string;
  readonly timeLimitSeconds: number;
};

/** One formed team. Members sorted by id, the lead first. */
export type Team = {
  /** `t01`, `t02`, ...: project teams first (by project id), then the others by lead. */
  readonly id: string;
  readonly lead: string;
  readonly members: readonly string[];
  /** A language every member speaks (the first in code-unit order when several). */
  readonly language: string;
  readonly project: string | null;
};

/** Someone who is in no team, and why. */
export type Unplaced = { readonly id: string; readonly reason: string };

export type Teams = {
  readonly teams: readonly Team[];
  readonly unplaced: readonly Unplaced[];
};
