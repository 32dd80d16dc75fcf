import { createRequire } from 'node:module';

/** convene's own version, from its package.json: `--version` and every report print it. */
export const CONVENE_VERSION: string = (createRequire(import.meta.url)('../../package.json') as { version: string }).version;
