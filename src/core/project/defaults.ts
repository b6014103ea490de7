// What the CLI and the extension leave out by default (the extension's `trtcCost.exclude` default is this list):
// dependencies and build output, which hold the SDK's own code, never the app's rooms.
export const DEFAULT_EXCLUDES: readonly string[] = ['**/node_modules/**', '**/dist/**', '**/out/**', '**/build/**', '**/.git/**', '**/*.min.js'];
