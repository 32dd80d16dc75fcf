/** The render layer: a finished, checked schedule -> file contents. Pure: no fs, clock or process. */
export { formatAssignment } from './assignment.js';
export { scheduleTable, SCHEDULE_COLUMNS } from './schedule-table.js';
export { scheduleMarkdown } from './schedule-markdown.js';
export { bySpeakerTable, BY_SPEAKER_COLUMNS, NO_ITEM_PLACED } from './by-speaker.js';
export { byRoomTable, BY_ROOM_COLUMNS } from './by-room.js';
export { reportJson } from './report-json.js';
export { reportMarkdown } from './report-markdown.js';
