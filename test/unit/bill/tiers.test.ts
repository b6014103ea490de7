// Tier edges, computed through whole scenarios (aggregate: the sum of received pixels decides).
import { strict as assert } from 'node:assert';
import { estimate, type Resolution, type Scenario } from '../../../src/core';

/** One viewer receiving the given streams for 10 minutes, international aggregate book. */
function viewerTier(streams: Resolution[]): { keys: string[]; warnings: string[] } {
  const s: Scenario = {
    version: 1,
    tariff: { region: 'international', accountCreated: '2023-01-01' },
    period: { start: '2026-12-01', days: 1 },
    rooms: [
      {
        name: 'edge',
        service: 'video-live',
        sessionsPerDay: 1,
        minutesPerSession: 10,
        participants: [
          ...streams.map((camera, i) => ({ name: `anchor ${i}`, count: 1, role: 'anchor' as const, publish: { camera }, receive: 'none' as const })),
          { name: 'viewer', count: 1, role: 'audience' as const, publish: {}, receive: 'all' as const },
        ],
      },
    ],
    payment: { freeMinutes: false },
  };
  const b = estimate(s, { today: '2026-11-26', advice: false });
  // Anchors receive nothing (audio); the viewer's line is the only video line.
  return { keys: b.lines.filter((l) => l.key !== 'av.audio').map((l) => l.key), warnings: b.warnings.map((w) => w.code) };
}

describe('tier edges (aggregate)', () => {
  it('exactly 921,600 px (1280×720) is HD', () => {
    assert.deepEqual(viewerTier([{ width: 1280, height: 720 }]).keys, ['av.HD']);
  });
  it('921,601 px (1280×720 + 1×1) is FHD', () => {
    assert.deepEqual(
      viewerTier([
        { width: 1280, height: 720 },
        { width: 1, height: 1 },
      ]).keys,
      ['av.FHD'],
    );
  });
  it('exactly 2,073,600 px is FHD; one more is 2K', () => {
    assert.deepEqual(viewerTier([{ width: 1920, height: 1080 }]).keys, ['av.FHD']);
    assert.deepEqual(
      viewerTier([
        { width: 1920, height: 1080 },
        { width: 1, height: 1 },
      ]).keys,
      ['av.2K'],
    );
  });
  it('exactly 8,847,360 px (4096×2160) is 4K with no warning', () => {
    const r = viewerTier([{ width: 4096, height: 2160 }]);
    assert.deepEqual(r.keys, ['av.4K']);
    assert.ok(!r.warnings.includes('aggregate-above-4k'));
  });
  it('above 8,847,360 px is billed as 4K with a warning', () => {
    const r = viewerTier([
      { width: 4096, height: 2160 },
      { width: 1, height: 1 },
    ]);
    assert.deepEqual(r.keys, ['av.4K']);
    assert.ok(r.warnings.includes('aggregate-above-4k'));
  });
  it('screen share adds to the sum: 2 × 640×480 + 1280×720 screen = 1,536,000 px → FHD', () => {
    const s: Scenario = {
      version: 1,
      tariff: { region: 'international', accountCreated: '2023-01-01' },
      period: { start: '2026-12-01', days: 1 },
      rooms: [
        {
          name: 'share',
          service: 'video-call',
          sessionsPerDay: 1,
          minutesPerSession: 10,
          participants: [
            {
              name: 'presenter',
              count: 1,
              role: 'anchor',
              publish: { camera: { width: 640, height: 480 }, screen: { width: 1280, height: 720 } },
              receive: 'none',
            },
            { name: 'other', count: 1, role: 'anchor', publish: { camera: { width: 640, height: 480 } }, receive: 'none' },
            { name: 'viewer', count: 1, role: 'anchor', publish: {}, receive: 'all' },
          ],
        },
      ],
      payment: { freeMinutes: false },
    };
    const b = estimate(s, { today: '2026-11-26', advice: false });
    assert.equal(b.lines.find((l) => l.key === 'av.FHD')?.minutes, '10');
  });
});
