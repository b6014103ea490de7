// The VS Code test passes, declared the way @vscode/test-cli's .vscode-test.mjs declares them (a label, the test
// files, the workspace, mocha options, the display language). @vscode/test-cli itself downloads VS Code, which this
// machine cannot; scripts/vscode-test/run.js reads this file and runs each pass in code-server instead
// (`npm run test:vscode`; TRTC_VSCODE_PASSES=en,zh-cn,ui picks passes by label).
const workspaceFolder = 'test/vscode/fixtures/workspace';

export default [
  {
    label: 'en',
    files: 'test/vscode/suite/*.test.ts',
    workspaceFolder,
    // The Chinese suites run in their own pass.
    mocha: { timeout: 60000, grep: '\\[zh-cn\\]', invert: true },
  },
  {
    label: 'zh-cn',
    files: 'test/vscode/suite/*.test.ts',
    workspaceFolder,
    locale: 'zh-cn',
    mocha: { timeout: 60000, grep: '\\[zh-cn\\]' },
  },
  {
    // What a person sees: the workbench in headless chromium (scripts/vscode-test/ui-check.js, with page objects).
    label: 'ui',
    script: 'scripts/vscode-test/ui-check.js',
    workspaceFolder,
  },
];
