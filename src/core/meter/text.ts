// Small formatting helpers for the engine's explanations (locale-neutral digits).
import type { Text, Tier } from '../bill/types';
import type { Resolution } from '../scenario/types';

/** 2764800 → "2,764,800"; fractional values keep up to 2 decimals. */
export function fmtInt(n: number): string {
  const rounded = Math.round(n * 100) / 100;
  const text = String(rounded);
  const dot = text.indexOf('.');
  const int = dot < 0 ? text : text.slice(0, dot);
  const start = int[0] === '-' ? 1 : 0;
  let grouped = '';
  for (let i = int.length; i > start; i -= 3) {
    const from = Math.max(start, i - 3);
    grouped = grouped ? `${int.slice(from, i)},${grouped}` : int.slice(from, i);
  }
  return `${start ? '-' : ''}${grouped}${dot < 0 ? '' : text.slice(dot)}`;
}

export function resText(r: Resolution): string {
  return `${r.width}×${r.height}`;
}

const TIER_NAMES: Record<Tier, Text> = {
  audio: { en: 'audio', zh: '音频' },
  SD: { en: 'SD', zh: '标清' },
  HD: { en: 'HD', zh: '高清' },
  FHD: { en: 'Full HD', zh: '全高清' },
  '2K': { en: '2K', zh: '2K' },
  '4K': { en: '4K', zh: '4K' },
};

export function tierName(t: Tier): Text {
  return TIER_NAMES[t];
}
