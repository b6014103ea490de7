// The project model: files → per-file facts → logical rooms → scenario → bill (see rooms.ts for the grouping rule).
export * from './types';
export {
  analyzeProject,
  billProject,
  hasFacts,
  detectFile,
  estimateLogicalRoom,
  estimateRoomAlone,
  projectScenario,
  whyInvalid,
  type ProjectBill,
  type RoomEstimate,
} from './analyze';
export {
  addRoomText,
  assignCallSiteText,
  defaultBaseSettings,
  parseProjectFile,
  projectSettings,
  type BaseSettings,
  type ProjectFile,
  type ProjectFileResult,
} from './config';
export { baseName, callNameAt, roomTitle, slug, stemOf, words } from './names';
export { DEFAULT_EXCLUDES } from './defaults';
export { applyFragments, wrapperNames } from './fragments';
export { detectProject, detectSources, type ProjectFacts, type ProjectSource } from './passes';
export type { SymbolTable } from './crossfile';
export { gitignoreMatcher, type IgnoreFile } from './ignore';
export { diffProjects, roomChanges, signedMoney, type ProjectDiff, type ProjectSide, type Reason, type RoomDiff, type RoomStatus } from './diff';
export { applyChange, resolutionLiteral, roomLevers, type Lever, type LeverChange, type LeverOptions, type LeverSource } from './levers';
export { driverOnLine, driverWhy, roomDrivers, type CostDriver, type DriverFact } from './drivers';
export { assumptionsAt, expectedOf, hasRanges, rangesOf, roomUnderAssumptions, RANGE_KEYS, type AssumptionRanges, type RangeKey } from './ranges';
