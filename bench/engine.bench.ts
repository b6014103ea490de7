// Billing a month for 1,000 rooms × 50 participants. Goal: under 50 ms per bill.
import { estimate, type Scenario } from '../src/core';
import type { Report } from './run';

function scenario(groupsPerRoom: 'realistic' | 'one-per-person'): Scenario {
  const rooms = Array.from({ length: 1000 }, (_, i) => ({
    name: `room ${i}`,
    service: (i % 2 ? 'video-live' : 'video-call') as Scenario['rooms'][0]['service'],
    sessionsPerDay: 10 + (i % 50),
    minutesPerSession: 30 + (i % 60),
    daysPerMonth: 20 + (i % 11),
    participants:
      groupsPerRoom === 'realistic'
        ? [
            {
              name: 'host',
              count: 1,
              role: 'anchor' as const,
              publish: { camera: { width: 1280, height: 720 }, screen: { width: 1920, height: 1080 } },
              receive: 'all' as const,
            },
            { name: 'co-anchors', count: 4, role: 'anchor' as const, publish: { camera: { width: 640, height: 360 } }, receive: 'all' as const },
            { name: 'audience', count: 45, role: (i % 2 ? 'audience' : 'anchor') as 'anchor', publish: {}, receive: 'all' as const, minutesInRoom: 20 },
          ]
        : Array.from({ length: 50 }, (_, p) => ({
            name: `p${p}`,
            count: 1,
            role: 'anchor' as const,
            publish: p < 6 ? { camera: { width: 640 + p * 64, height: 360 + p * 36 } } : {},
            receive: 'all' as const,
            minutesInRoom: 10 + (p % 20),
          })),
    recording: i % 3 === 0 ? { mode: 'mixed' as const } : null,
    mixTranscoding: i % 5 === 0 ? { codec: 'h264' as const, output: { width: 1280, height: 720 } } : null,
  }));
  return {
    version: 1,
    tariff: { region: 'international', accountCreated: '2024-01-01' },
    period: { start: '2026-12-01', days: 31 },
    rooms,
    payment: { freeMinutes: true, packs: [{ minutes: 3_000_000, purchased: '2026-10-01', remaining: 1_000_000 }] },
  };
}

/** Wall time and CPU time per run (CPU time is less disturbed by other processes on a busy machine). */
function time(fn: () => void, runs: number): { mean: number; min: number; cpuMin: number } {
  for (let i = 0; i < 3; i++) fn(); // warm-up: let the JIT settle
  const times: number[] = [];
  const cpu: number[] = [];
  for (let i = 0; i < runs; i++) {
    const c0 = process.cpuUsage();
    const t0 = performance.now();
    fn();
    times.push(performance.now() - t0);
    const c = process.cpuUsage(c0);
    cpu.push((c.user + c.system) / 1000);
  }
  return { mean: times.reduce((a, b) => a + b, 0) / runs, min: Math.min(...times), cpuMin: Math.min(...cpu) };
}

export default async function run(report: Report): Promise<void> {
  for (const kind of ['realistic', 'one-per-person'] as const) {
    const s = scenario(kind);
    const withAdvice = time(() => estimate(s, { today: '2026-11-26' }), 15);
    const without = time(() => estimate(s, { today: '2026-11-26', advice: false }), 15);
    report(
      `bill 1,000 rooms × 50 people (${kind}), with advice`,
      `${withAdvice.mean.toFixed(1)} ms mean, ${withAdvice.min.toFixed(1)} ms min, ${withAdvice.cpuMin.toFixed(1)} ms CPU min (goal < 50 ms)`,
    );
    report(
      `bill 1,000 rooms × 50 people (${kind}), no advice`,
      `${without.mean.toFixed(1)} ms mean, ${without.min.toFixed(1)} ms min, ${without.cpuMin.toFixed(1)} ms CPU min`,
    );
  }
}
