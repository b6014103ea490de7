// Public API of the core engine: detect → scenario → meter → bill → present.
// Nothing here imports `vscode`; the extension host, the webview bundle and the CLI all use this module.
export * from './scenario/types';
export * from './bill/types';
export * from './detect/types';
export * from './api';
