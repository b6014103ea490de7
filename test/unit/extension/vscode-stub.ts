// A minimal stand-in for the `vscode` API: enough for the extension bundle to load and for activate() to build and
// register everything (used by the activation benchmark and the web-bundle test). It does nothing else.

export function createVscodeStub(): Record<string, any> {
  const disposable = { dispose() {} };
  const event = () => disposable;
  return {
    version: '1.100.3',
    EventEmitter: class {
      private readonly listeners: Array<(e: unknown) => void> = [];
      event = (l: (e: unknown) => void) => (this.listeners.push(l), disposable);
      fire(x: unknown) {
        for (const l of this.listeners) l(x);
      }
      dispose() {}
    },
    Disposable: class {
      static from() {
        return disposable;
      }
      constructor(private readonly f?: () => void) {}
      dispose() {
        this.f?.();
      }
    },
    Uri: {
      joinPath: (u: { path: string }, ...p: string[]) => ({ ...u, path: [u.path, ...p].join('/') }),
      file: (p: string) => ({ scheme: 'file', path: p }),
      parse: (s: string) => ({ scheme: 'file', path: s }),
    },
    RelativePattern: class {
      constructor(
        public base: unknown,
        public pattern: string,
      ) {}
    },
    StatusBarAlignment: { Left: 1, Right: 2 },
    CodeActionKind: { QuickFix: { value: 'quickfix', append: () => ({ value: 'quickfix.trtc' }) } },
    ViewColumn: { One: 1, Beside: -2 },
    ExtensionMode: { Production: 1, Development: 2, Test: 3 },
    CancellationTokenSource: class {
      token = { isCancellationRequested: false, onCancellationRequested: event };
      cancel() {}
      dispose() {}
    },
    l10n: { t: (m: string) => m },
    env: { language: 'en', uiKind: 1 },
    workspace: {
      getConfiguration: () => ({ get: () => undefined, inspect: () => undefined, update: async () => {} }),
      onDidChangeConfiguration: event,
      onDidChangeWorkspaceFolders: event,
      onDidCloseTextDocument: event,
      onDidChangeTextDocument: event,
      onDidSaveTextDocument: event,
      onDidDeleteFiles: event,
      createFileSystemWatcher: () => ({ onDidChange: event, onDidCreate: event, onDidDelete: event, dispose() {} }),
      workspaceFolders: undefined,
      fs: {
        readFile: async () => {
          throw new Error('no files');
        },
        stat: async () => {
          throw new Error('no files');
        },
      },
      asRelativePath: (u: { path: string }) => u.path,
      getWorkspaceFolder: () => undefined,
      findFiles: async () => [],
      textDocuments: [],
    },
    window: {
      createStatusBarItem: () => ({ show() {}, hide() {}, dispose() {} }),
      onDidChangeActiveTextEditor: event,
      createTreeView: () => ({
        description: undefined,
        message: undefined,
        onDidChangeVisibility: () => disposable,
        reveal: async () => undefined,
        dispose() {},
      }),
      createOutputChannel: () => ({ info() {}, warn() {}, error() {}, dispose() {} }),
      registerWebviewPanelSerializer: () => disposable,
      showWarningMessage: async () => undefined,
      showErrorMessage: async () => undefined,
    },
    languages: { registerCodeLensProvider: () => disposable, registerHoverProvider: () => disposable, registerCodeActionsProvider: () => disposable },
    commands: { registerCommand: () => disposable, executeCommand: async () => undefined },
  };
}
