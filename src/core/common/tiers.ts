// Billing tiers and how they are named to users; resolutions as users read them.
import type { Text } from './text';

/** Billing tiers across all books. Not every book has every tier (aggregate has no SD). */
export type Tier = 'audio' | 'SD' | 'HD' | 'FHD' | '2K' | '4K';
export const TIERS: readonly Tier[] = ['audio', 'SD', 'HD', 'FHD', '2K', '4K'];

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

/** 1280×720. */
export function resText(r: { width: number; height: number }): string {
  return `${r.width}×${r.height}`;
}
