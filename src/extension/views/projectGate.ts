// Decides whether this workspace is a TRTC project before anything scans it: a manifest at the root or one level
// down names a TRTC SDK, the project file exists, or an open document has a TRTC room (an app that loads the SDK
// from a <script> tag has no manifest that names it). Until then the extension stays quiet: no status item, no
// workspace scan, no view. Reads at most a few hundred small files, through workspace.fs (desktop and web).
import * as vscode from 'vscode';
import type { ConfigService } from '../config';
import type { OpenEditorAnalyses } from '../openEditors';
import { log } from '../log';
import { isManifestName, MAX_MANIFEST_BYTES, sdkNamedIn } from './sdkManifests';

/** Subfolders that hold no app manifest of the workspace's own. */
const SKIPPED_FOLDER = /^(\.|node_modules$|Pods$|build$|dist$|out$|vendor$)/;
const MAX_SUBFOLDERS = 100;

/** The context key the view's `when` clause reads. */
export const ACTIVE_CONTEXT = 'trtcCost.active';

export class ProjectGate implements vscode.Disposable {
  private readonly opened = new vscode.EventEmitter<string>();
  /** Fires once, with the reason, when the workspace turns out to be a TRTC project. */
  readonly onDidOpen = this.opened.event;
  private readonly disposables: vscode.Disposable[] = [this.opened];
  private why: string | undefined;
  private checking: Promise<boolean> | undefined;

  constructor(
    analyses: OpenEditorAnalyses,
    private readonly config: ConfigService,
  ) {
    this.disposables.push(
      analyses.onDidUpdate((a) => {
        if (!this.why && a.detection.rooms.length > 0) this.open(`${a.file} has a TRTC room`);
      }),
    );
  }

  /** Why this is a TRTC project, once known. */
  get reason(): string | undefined {
    return this.why;
  }

  get isOpen(): boolean {
    return this.why !== undefined;
  }

  open(reason: string): void {
    if (this.why) return;
    this.why = reason;
    log().info(`TRTC project: ${reason}`);
    void vscode.commands.executeCommand('setContext', ACTIVE_CONTEXT, true);
    this.opened.fire(reason);
  }

  /** Looks at the manifests and the project file once (later calls share the first). Resolves to isOpen. */
  check(): Promise<boolean> {
    this.checking ??= this.probe().then(
      (why) => {
        if (why) this.open(why);
        return this.isOpen;
      },
      (e) => {
        log().warn(`project check failed: ${e instanceof Error ? e.message : String(e)}`);
        return this.isOpen;
      },
    );
    return this.checking;
  }

  private async probe(): Promise<string | undefined> {
    if (!vscode.workspace.workspaceFolders?.length) return undefined;
    const projectFile = this.config.workspaceFileUri();
    if (projectFile) {
      try {
        await vscode.workspace.fs.stat(projectFile);
        return `${vscode.workspace.asRelativePath(projectFile, false)} exists`;
      } catch {
        // no project file
      }
    }
    // Listing the folders directly (not workspace.findFiles) works before the file search is ready and costs a
    // few directory reads: the root, and each of its subfolders (at most MAX_SUBFOLDERS of them).
    for (const folder of vscode.workspace.workspaceFolders) {
      const root = await this.list(folder.uri);
      const dirs = root.filter(([n, type]) => type === vscode.FileType.Directory && !SKIPPED_FOLDER.test(n)).slice(0, MAX_SUBFOLDERS);
      const levels: [vscode.Uri, [string, vscode.FileType][]][] = [[folder.uri, root]];
      for (const [name] of dirs) levels.push([vscode.Uri.joinPath(folder.uri, name), await this.list(vscode.Uri.joinPath(folder.uri, name))]);
      for (const [dir, entries] of levels) {
        for (const [name, type] of entries) {
          if (type !== vscode.FileType.File || !isManifestName(name)) continue;
          const uri = vscode.Uri.joinPath(dir, name);
          try {
            const stat = await vscode.workspace.fs.stat(uri);
            if (stat.size > MAX_MANIFEST_BYTES * 4) continue;
            const sdk = sdkNamedIn(new TextDecoder('utf-8').decode(await vscode.workspace.fs.readFile(uri)));
            if (sdk) return `${vscode.workspace.asRelativePath(uri, false)} names ${sdk}`;
          } catch {
            // unreadable: names nothing
          }
        }
      }
    }
    return undefined;
  }

  private async list(dir: vscode.Uri): Promise<[string, vscode.FileType][]> {
    try {
      return await vscode.workspace.fs.readDirectory(dir);
    } catch {
      return [];
    }
  }

  dispose(): void {
    while (this.disposables.length) this.disposables.pop()?.dispose();
  }
}
