// The translator for the extension host: vscode.l10n bundles (l10n/bundle.l10n.zh-cn.json), and the same
// language choice for the engine's bilingual texts.
import * as vscode from 'vscode';
import { localeOf, type Localizer } from './logic/present';

let cached: Localizer | undefined;

export function localizer(): Localizer {
  cached ??= {
    locale: localeOf(vscode.env.language),
    t: (message, ...args) => vscode.l10n.t(message, ...args),
  };
  return cached;
}

/** Shorthand for vscode.l10n.t. */
export function t(message: string, ...args: Array<string | number>): string {
  return vscode.l10n.t(message, ...args);
}
