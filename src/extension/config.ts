// Settings, the workspace scenario file and the contract price book, turned into one EstimateContext.
// Invalid values fall back to defaults with one clear warning; a new generation invalidates every cache.
import * as vscode from 'vscode';
import type { ContractSpec, PaymentSpec, TariffSpec } from '../core';
import { parseProjectFile, projectSettings, type ProjectFile } from '../core/project';
import { errorText, type EstimateContext } from './logic/analysis';
import { pick } from './logic/present';
import { parsePriceBook, readSettings, DEFAULT_SETTINGS, type Settings, type SettingProblem } from './logic/settings';
import { localizer, t } from './l10n';
import { log } from './log';

const SECTION = 'trtcCost';

export function describeProblem(p: SettingProblem): string {
  const e = p.expected;
  let must: string;
  switch (e.kind) {
    case 'oneOf':
      must = t('one of {0}', e.values.map((v) => `"${v}"`).join(', '));
      break;
    case 'date':
      must = t('a date like 2024-03-01, or empty');
      break;
    case 'integer':
      must = t('a whole number from {0} to {1}', e.min, e.max);
      break;
    case 'number':
      must = t('a number from {0} to {1}', e.min, e.max);
      break;
    case 'boolean':
      must = t('true or false');
      break;
    case 'string':
      must = t('a text');
      break;
    case 'globs':
      must = t('a list of glob patterns');
      break;
    case 'resolution':
      must = t('a resolution like 1280x720');
      break;
  }
  return t('{0} must be {1} (found {2}); using {3}', p.key, must, p.got, p.fallback);
}

export interface LoadedFile {
  uri: vscode.Uri;
  /** Workspace-relative name, as messages show it. */
  name: string;
  project?: ProjectFile;
  error?: string;
}

export class ConfigService implements vscode.Disposable {
  private _settings: Settings = DEFAULT_SETTINGS;
  private _context: EstimateContext;
  private _generation = 0;
  private _scenarioFile: LoadedFile | undefined;
  private readonly changed = new vscode.EventEmitter<void>();
  /** Fires after settings or the scenario/price-book files changed (a new generation). */
  readonly onDidChange = this.changed.event;
  private readonly disposables: vscode.Disposable[] = [this.changed];
  private fileWatchers: vscode.Disposable[] = [];
  private watchedKey = '';
  private readonly shown = new Set<string>();
  /** Every warning shown so far, in order (also returned by the extension API for tests). */
  readonly warnings: string[] = [];
  private reloadTimer: ReturnType<typeof setTimeout> | undefined;
  private loading: Promise<void> = Promise.resolve();

  constructor() {
    this._context = this.buildContext(DEFAULT_SETTINGS, undefined, undefined);
    this.disposables.push(
      vscode.workspace.onDidChangeConfiguration((e) => {
        if (e.affectsConfiguration(SECTION)) this.scheduleReload(0);
      }),
      vscode.workspace.onDidChangeWorkspaceFolders(() => this.scheduleReload(0)),
    );
  }

  get settings(): Settings {
    return this._settings;
  }
  get context(): EstimateContext {
    return this._context;
  }
  get generation(): number {
    return this._generation;
  }
  get scenarioFile(): LoadedFile | undefined {
    return this._scenarioFile;
  }

  /** Resolves when the latest reload has finished. */
  whenLoaded(): Promise<void> {
    return this.loading;
  }

  /** Resolves when no reload is scheduled or running. */
  async settled(): Promise<void> {
    for (let i = 0; i < 200 && this.reloadPending; i++) await new Promise((r) => setTimeout(r, 25));
    await this.loading;
  }

  /** True while a reload is scheduled but not started. */
  get reloadPending(): boolean {
    return this.reloadTimer !== undefined;
  }

  scheduleReload(delayMs = 150): void {
    if (this.reloadTimer) clearTimeout(this.reloadTimer);
    this.reloadTimer = setTimeout(() => {
      this.reloadTimer = undefined;
      void this.reload();
    }, delayMs);
  }

  reload(): Promise<void> {
    this.loading = this.loading.then(() => this.doReload()).catch((e) => log().error(`reloading settings failed: ${errorText(e)}`));
    return this.loading;
  }

  private async doReload(): Promise<void> {
    const cfg = vscode.workspace.getConfiguration(SECTION);
    const { settings, problems } = readSettings((key) => cfg.get(key));
    if (problems.length) {
      const list = problems.map(describeProblem);
      this.warnOnce(
        problems.length === 1
          ? t('TRTC Cost: an invalid setting was replaced by its default. {0}', list[0])
          : t('TRTC Cost: {0} invalid settings were replaced by their defaults. {1}', problems.length, list.join(' · ')),
        problems[0].key,
      );
    }
    const folder = vscode.workspace.workspaceFolders?.[0];
    const scenarioFile = settings.scenarioFile ? await this.loadScenarioFile(settings.scenarioFile) : undefined;
    const book = settings.priceBookFile ? await this.loadPriceBook(settings.priceBookFile) : undefined;
    this._settings = settings;
    this._scenarioFile = scenarioFile;
    this._generation++;
    this._context = this.buildContext(settings, scenarioFile, book);
    this.watchFiles(folder, settings);
    this.changed.fire();
  }

  /**
   * The one precedence the CLI applies too (core/project projectSettings): what the project file states → the
   * settings → the defaults. A contract from the settings applies when the file's tariff has none.
   */
  private buildContext(settings: Settings, file: LoadedFile | undefined, book: ContractSpec | undefined): EstimateContext {
    const contract: ContractSpec = {};
    const discount = book?.discountPercent ?? (settings.discountPercent > 0 ? settings.discountPercent : undefined);
    if (discount !== undefined) contract.discountPercent = discount;
    if (book?.prices) contract.prices = book.prices;
    const hasContract = contract.discountPercent !== undefined || contract.prices !== undefined;
    const tariff: TariffSpec = { region: settings.region };
    if (settings.accountCreated) tariff.accountCreated = settings.accountCreated;
    if (settings.appCreated) tariff.appCreated = settings.appCreated;
    if (settings.metering) tariff.metering = settings.metering;
    if (hasContract) tariff.contract = contract;
    const payment: PaymentSpec = { freeMinutes: settings.freeMinutes };
    if (settings.paymentMode) payment.mode = settings.paymentMode;
    const project = file?.project;
    const fileTariff = project?.tariff && !project.tariff.contract && hasContract ? { ...project.tariff, contract } : project?.tariff;
    const merged = projectSettings(
      { tariff, payment, assumptions: { ...settings.assumptions } },
      project ? { ...project, tariff: fileTariff } : undefined,
      file?.name ?? settings.scenarioFile,
    );
    return { generation: this._generation, ...merged };
  }

  /** A settings path (the scenario file by default) in the first workspace folder, or as given when absolute. */
  workspaceFileUri(relative = this._settings.scenarioFile): vscode.Uri | undefined {
    if (!relative) return undefined;
    if (relative.startsWith('/')) return vscode.Uri.file(relative);
    const folder = vscode.workspace.workspaceFolders?.[0];
    return folder ? vscode.Uri.joinPath(folder.uri, relative) : undefined;
  }

  private async readText(uri: vscode.Uri): Promise<string | undefined> {
    try {
      const bytes = await vscode.workspace.fs.readFile(uri);
      return new TextDecoder('utf-8').decode(bytes);
    } catch {
      return undefined;
    }
  }

  private async loadScenarioFile(relative: string): Promise<LoadedFile | undefined> {
    const uri = this.workspaceFileUri(relative);
    if (!uri) return undefined;
    const text = await this.readText(uri);
    if (text === undefined) return undefined; // no file: settings only
    const name = vscode.workspace.asRelativePath(uri, false);
    try {
      const parsed = parseProjectFile(text);
      if (parsed.errors.length || !parsed.file) {
        const first = parsed.errors[0];
        const why = first ? `${first.path}${first.line ? ` (${t('line {0}', first.line)})` : ''}: ${pick(first.message, localizer())}` : t('not a scenario');
        const more = parsed.errors.length > 1 ? ' ' + t('(and {0} more problems)', parsed.errors.length - 1) : '';
        this.warnOnce(t('TRTC Cost: the workspace scenario file {0} is invalid and is ignored. {1}{2}', name, why, more), `file:${name}:${why}`);
        return { uri, name, error: why };
      }
      for (const w of parsed.warnings) log().warn(`${name}: ${w.path}: ${w.message.en}`);
      return { uri, name, project: parsed.file };
    } catch (e) {
      log().error(`${name}: ${errorText(e)}`);
      return { uri, name, error: errorText(e) };
    }
  }

  private async loadPriceBook(path: string): Promise<ContractSpec | undefined> {
    const uri = this.workspaceFileUri(path);
    if (!uri) return undefined;
    const text = await this.readText(uri);
    let error: string | undefined;
    let contract: ContractSpec | undefined;
    if (text === undefined) error = t('the file cannot be read');
    else {
      const r = parsePriceBook(text, localizer().locale);
      error = r.error;
      contract = r.contract;
    }
    if (error) {
      this.warnOnce(t('TRTC Cost: the contract price book {0} is ignored: {1}. List prices are used.', path, error), `book:${path}:${error}`);
      return undefined;
    }
    return contract;
  }

  private watchFiles(folder: vscode.WorkspaceFolder | undefined, settings: Settings): void {
    const key = `${folder?.uri.toString()}|${settings.scenarioFile}|${settings.priceBookFile}`;
    if (key === this.watchedKey) return;
    this.watchedKey = key;
    for (const w of this.fileWatchers) w.dispose();
    this.fileWatchers = [];
    if (!folder) return;
    for (const rel of [settings.scenarioFile, settings.priceBookFile]) {
      if (!rel || rel.startsWith('/')) continue;
      const w = vscode.workspace.createFileSystemWatcher(new vscode.RelativePattern(folder, rel));
      this.fileWatchers.push(
        w,
        w.onDidChange(() => this.scheduleReload()),
        w.onDidCreate(() => this.scheduleReload()),
        w.onDidDelete(() => this.scheduleReload()),
      );
    }
  }

  /** Shows a warning once per distinct problem, with a way to fix it. */
  private warnOnce(message: string, signature: string): void {
    if (this.shown.has(signature + message)) return;
    this.shown.add(signature + message);
    this.warnings.push(message);
    log().warn(message);
    const open = t('Open Settings');
    void vscode.window.showWarningMessage(message, open).then((choice) => {
      if (choice === open) void vscode.commands.executeCommand('workbench.action.openSettings', SECTION);
    });
  }

  dispose(): void {
    if (this.reloadTimer) clearTimeout(this.reloadTimer);
    for (const w of this.fileWatchers) w.dispose();
    while (this.disposables.length) this.disposables.pop()?.dispose();
  }
}
