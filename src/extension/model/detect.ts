// The detection entry points the extension uses, in one place (all from the core engine).
export { detectRooms, roomFromCode, DEFAULT_ASSUMPTIONS, languageIdForFile } from '../../core';
