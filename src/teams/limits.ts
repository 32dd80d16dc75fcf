/** Fixed limits shared by the model and the goal evaluation. */

/** At most this many members of a team from one country before the countries goal counts a miss. */
export const COUNTRY_CAP_DEFAULT = 2;
