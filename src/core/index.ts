// Public API of the core engine: detect → scenario → meter → bill → present.
// Nothing here imports `vscode`; the extension host, the webview bundle and the CLI all use this module.
export * from './scenario/types';
export * from './common';
export * from './bill/types';
export * from './detect/types';
export * from './detect';
export * from './api';
export { renderCsv, renderMarkdown, renderText } from './present/render';
export { parseResolution, MAX_SCENARIO_BYTES } from './scenario/validate';
export { SCENARIO_SHAPE } from './scenario/shape';
export { roomLevers, applyChange, type Lever, type LeverChange, type LeverSource } from './project/levers';
export type { ProjectSettings } from './project/types';
export { PACKAGE_EDITIONS, CUSTOM_EDITION_ID, feeOn, type PackageEdition } from './tariff/packages';
