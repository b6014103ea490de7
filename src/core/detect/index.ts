// Detection: TRTC room configuration in source code → facts with provenance → scenario rooms.
// Runs in the extension host, the CLI and the browser (web extension / webview): no vscode, no Node APIs.
export * from './types';
export { detectRooms } from './detect';
export { roomFromCode, DEFAULT_ASSUMPTIONS } from './assumptions';
export { languageIdForFile } from './languages';
export { summarizeRoom, type RoomSummary, type FactSummary } from './summary';
