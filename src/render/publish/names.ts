/** File names from ids: one home, in the domain, since allocate's rosters need them too. */
export { allotStems, fileStems, safeStem, stemOf } from '../../domain/file-names.js';
