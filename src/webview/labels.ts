// The webview's translator setup and the labels that depend on a value (an enum, a count). Every string goes
// through @vscode/l10n with its English text as the key; the host sends the Chinese bundle
// (l10n/bundle.l10n.zh-cn.json, as vscode.l10n.bundle) in `init`. The engine's own texts are {en, zh} data: tx().
import * as l10n from '@vscode/l10n';
import type { Text } from '../core';
import type { UiLocale } from '../shared/protocol';

/** Speak `locale`: the bundle's translations for zh-cn, the English keys themselves otherwise. */
let spoken: UiLocale = 'en';

/** The language chosen by the last useLanguage (for the engine's {en, zh} texts in views given no locale). */
export function currentLocale(): UiLocale {
  return spoken;
}

export function useLanguage(locale: UiLocale, bundle: Readonly<Record<string, string>> | undefined): void {
  spoken = locale;
  // A prototype-less copy: a message that happens to be named like an Object method is never looked up there.
  const contents: Record<string, string> = Object.create(null) as Record<string, string>;
  if (locale === 'zh-cn' && bundle) for (const [k, v] of Object.entries(bundle)) if (typeof v === 'string') contents[k] = v;
  l10n.config({ contents });
}

/** The engine's bilingual text in the panel's language. */
export function tx(t: Text | undefined, locale: UiLocale): string {
  if (!t) return '';
  return locale === 'zh-cn' ? t.zh || t.en : t.en || t.zh;
}

export function serviceLabel(service: string): string {
  switch (service) {
    case 'video-call':
      return l10n.t('Video call');
    case 'voice-call':
      return l10n.t('Voice call');
    case 'video-live':
      return l10n.t('Interactive video live');
    case 'voice-live':
      return l10n.t('Interactive audio live');
    default:
      return service;
  }
}

export function tierLabel(tier: string): string {
  switch (tier) {
    case 'audio':
      return l10n.t('Audio');
    case 'SD':
      return l10n.t('SD');
    case 'HD':
      return l10n.t('HD');
    case 'FHD':
      return l10n.t('Full HD');
    default:
      return tier; // 2K, 4K
  }
}

export function confidenceLabel(c: string): string {
  switch (c) {
    case 'verified':
      return l10n.t('verified');
    case 'inferred':
      return l10n.t('inferred');
    case 'unverified':
      return l10n.t('unverified');
    default:
      return c;
  }
}

export function meteringLabel(m: string): string {
  return m === 'per-stream' ? l10n.t('per-stream metering') : m === 'aggregate' ? l10n.t('aggregate metering') : m;
}

export function settlementLabel(s: string): string {
  return s === 'day' ? l10n.t('settled daily') : s === 'month' ? l10n.t('settled monthly') : s;
}

export function staleBanner(n: number): string {
  return n === 1
    ? l10n.t('1 problem in the inputs. Showing the last valid estimate.')
    : l10n.t('{0} problems in the inputs. Showing the last valid estimate.', n);
}

export function noResultBanner(n: number): string {
  return n === 1 ? l10n.t('1 problem in the inputs. Fix them to see an estimate.') : l10n.t('{0} problems in the inputs. Fix them to see an estimate.', n);
}
