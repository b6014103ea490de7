// Detection: TRTC room configuration in source code → facts with provenance → scenario rooms.
// Runs in the extension host, the CLI and the browser (web extension / webview): no vscode, no Node APIs.
//
// How it works, in four linear stages:
//   lexer.ts   one tolerant pass per language family: identifiers, numbers, strings, punctuation;
//              comments dropped (so commented-out code never produces facts), brackets matched.
//   sourceIndex.ts  one pass over the tokens (the SourceIndex of a file): variable definitions,
//              key/value bindings (object literals, named arguments, member assignments, setters)
//              with the variable owning them, and the call sites of the SDK functions that matter for cost.
//   values.ts  evaluates the expression at a token into leaves (literals, enum names, objects),
//              following same-file variables; ternaries, defaults, switches and map lookups give
//              several leaves: the candidates. Memoized and capped.
//   extract.ts per SDK, where each cost fact is written (scene, role, resolution, screen, small
//              stream, mixing, relay, recording) and how anchors become rooms; facts.ts turns leaves
//              into facts (explicit / default / unknown, with ranges and reasons).
// assumptions.ts turns a detected room plus stated assumptions into a scenario room.
export * from './types';
export { detectRooms, type DetectOptions } from './detect';
export { fileSymbols, type FileSymbol } from './symbols';
export { roomFromCode, DEFAULT_ASSUMPTIONS } from './assumptions';
export { languageIdForFile } from './languages';
export { summarizeRoom, type RoomSummary, type FactSummary } from './summary';
