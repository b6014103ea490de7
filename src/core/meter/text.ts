// Small formatting helpers for the engine's explanations (locale-neutral digits).
import type { Text, Tier } from '../bill/types';
import type { Resolution } from '../scenario/types';

/** 2764800 → "2,764,800"; fractional values keep up to 2 decimals. */
export function fmtInt(n: number): string {
  const rounded = Math.round(n * 100) / 100;
  const [int, frac] = String(rounded).split('.');
  const grouped = int.replace(/\B(?=(\d{3})+(?!\d))/g, ',');
  return frac ? `${grouped}.${frac}` : grouped;
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
