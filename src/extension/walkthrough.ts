// The "Get started with TRTC Cost" walkthrough (contributes.walkthroughs): the commands its steps link to that no
// other part provides, and the context key that completes the "your app's numbers" step once the project file loads.
// The other steps complete from what the user does anyway: a setting changes, the TRTC Cost view shows, the
// calculator opens.
import * as vscode from 'vscode';
import type { ConfigService } from './config';
import { t } from './l10n';
import { log } from './log';
import { errorText } from './logic/analysis';

export const WALKTHROUGH_ID = 'trtcCost.start';
/** True while the workspace's project file (trtcCost.scenarioFile) exists. */
export const PROJECT_FILE_CONTEXT = 'trtcCost.projectFileExists';
/** The bundled example (shipped in the .vsix) and the folder name its copy gets in the global storage. */
const EXAMPLE = ['examples', 'classroom-app'] as const;

export interface OpenExampleOptions {
  /** false: only make the copy and return its folder (for callers that open it themselves). */
  open?: boolean;
}

export function registerWalkthrough(context: vscode.ExtensionContext, config: ConfigService): vscode.Disposable {
  let projectFile: boolean | undefined;
  // The file is looked at, not only the settings' reload: a file watcher can miss the creation, and the step should
  // tick as soon as the file is open in front of the user.
  const syncProjectFile = async () => {
    const uri = config.workspaceFileUri();
    const found = config.scenarioFile !== undefined || (uri !== undefined && (await exists(uri)));
    if (found === projectFile) return;
    projectFile = found;
    await vscode.commands.executeCommand('setContext', PROJECT_FILE_CONTEXT, found);
  };
  const sync = () => void syncProjectFile().catch((e) => log().error(`project file check: ${errorText(e)}`));
  sync();
  return vscode.Disposable.from(
    config.onDidChange(sync),
    vscode.window.onDidChangeActiveTextEditor(sync),
    vscode.workspace.onDidSaveTextDocument(sync),
    vscode.workspace.onDidDeleteFiles(sync),
    vscode.commands.registerCommand('trtcCost.walkthrough.open', () =>
      vscode.commands.executeCommand('workbench.action.openWalkthrough', `${context.extension.id}#${WALKTHROUGH_ID}`, false),
    ),
    vscode.commands.registerCommand('trtcCost.walkthrough.openExample', (options?: OpenExampleOptions) => openExample(context, options)),
    vscode.commands.registerCommand('trtcCost.walkthrough.openCiGuide', () => openCiGuide(context)),
  );
}

/**
 * Copies the example to the extension's global storage (the installed extension's own folder may be read-only and
 * is replaced on update) and opens the copy. An existing copy is kept: it may hold the user's edits.
 */
async function openExample(context: vscode.ExtensionContext, options: OpenExampleOptions = {}): Promise<vscode.Uri | undefined> {
  const source = vscode.Uri.joinPath(context.extensionUri, ...EXAMPLE);
  const target = vscode.Uri.joinPath(context.globalStorageUri, EXAMPLE[1]);
  try {
    if (!(await exists(target))) {
      await vscode.workspace.fs.createDirectory(context.globalStorageUri);
      await vscode.workspace.fs.copy(source, target, { overwrite: false });
      await dropRelativeSchema(vscode.Uri.joinPath(target, '.vscode', 'trtc-cost.json'));
      log().info(`copied the example project to ${target.toString(true)}`);
    }
  } catch (e) {
    log().error(`copying the example project failed: ${errorText(e)}`);
    void vscode.window.showErrorMessage(t('The example project could not be copied: {0}', errorText(e)));
    return undefined;
  }
  if (options.open !== false) {
    // A window that already has a folder keeps it: the example opens next to it.
    const forceNewWindow = (vscode.workspace.workspaceFolders?.length ?? 0) > 0;
    await vscode.commands.executeCommand('vscode.openFolder', target, { forceNewWindow });
  }
  return target;
}

/**
 * The example's project file names the repository's schema by a relative path, which means nothing in the copy;
 * without `$schema` the file is still checked, through the jsonValidation contribution for .vscode/trtc-cost.json.
 */
async function dropRelativeSchema(uri: vscode.Uri): Promise<void> {
  let text: string;
  try {
    text = new TextDecoder('utf-8').decode(await vscode.workspace.fs.readFile(uri));
  } catch {
    return; // no project file in the example
  }
  const next = text.replace(/^\s*"\$schema"\s*:\s*"\.[^"\n]*",?\r?\n/m, '');
  if (next !== text) await vscode.workspace.fs.writeFile(uri, new TextEncoder().encode(next));
}

/** docs/ci.md (shipped in the .vsix) in the Markdown preview, or as text where no preview is available. */
async function openCiGuide(context: vscode.ExtensionContext): Promise<vscode.Uri> {
  const uri = vscode.Uri.joinPath(context.extensionUri, 'docs', 'ci.md');
  try {
    await vscode.commands.executeCommand('markdown.showPreview', uri);
  } catch (e) {
    log().info(`markdown preview unavailable (${errorText(e)}); opening docs/ci.md as text`);
    await vscode.window.showTextDocument(uri, { preview: true });
  }
  return uri;
}

async function exists(uri: vscode.Uri): Promise<boolean> {
  try {
    await vscode.workspace.fs.stat(uri);
    return true;
  } catch {
    return false;
  }
}
