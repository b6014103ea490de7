// Calculator recompute: what the panel does after each keystroke (parseScenario + estimate + display model),
// for a 20-room scenario. Goal: under 16 ms (one frame).
import { existsSync } from 'node:fs';
import { estimate, parseScenario } from '../src/core';
import { buildResultModel, compute } from '../src/webview/compute';
import { newScenario } from '../src/webview/jsonPath';

type Report = (name: string, value: string) => void;

const SERVICES = ['video-call', 'voice-call', 'video-live', 'voice-live'] as const;
const CAMERAS = ['640x360', '960x540', '1280x720', '1920x1080', '2560x1440'];

/** 20 rooms of all four services, several groups each, recording/mixing/relay on some, two packs. */
export function twentyRooms(): Record<string, unknown> {
  const s = newScenario('Bench: 20 rooms') as Record<string, unknown>;
  s.tariff = { region: 'international', accountCreated: '2024-03-01' };
  s.payment = {
    freeMinutes: true,
    packs: [
      { minutes: 250000, purchased: '2026-10-01' },
      { minutes: 1000000, purchased: '2026-11-01' },
    ],
  };
  const rooms: unknown[] = [];
  for (let i = 0; i < 20; i++) {
    const service = SERVICES[i % 4]!;
    const voice = service.startsWith('voice');
    const live = service.endsWith('live');
    const cam = CAMERAS[i % CAMERAS.length]!;
    const participants: unknown[] = [
      {
        name: 'hosts',
        count: 1 + (i % 3),
        role: 'anchor',
        publish: voice ? { audio: true } : { camera: cam, audio: true, ...(i % 5 === 0 ? { screen: '1920x1080' } : {}) },
        receive: 'all',
      },
    ];
    if (live) {
      participants.push({ name: 'viewers', count: 50 + i * 10, role: 'audience', publish: {}, receive: 'all' });
      participants.push({ name: 'listeners', count: 20, role: 'audience', publish: {}, receive: 'audio-only' });
    } else {
      participants.push({
        name: 'guests',
        count: 2 + (i % 4),
        role: 'anchor',
        publish: voice ? { audio: true } : { camera: '640x360', audio: true },
        receive: i % 2 ? 'all' : { from: ['hosts'], stream: 'big' },
      });
    }
    const room: Record<string, unknown> = { name: `Room ${i + 1}`, service, sessionsPerDay: 10 + i * 3, minutesPerSession: 20 + (i % 6) * 10, participants };
    if (i % 3 === 0) room.recording = { mode: i % 2 ? 'single' : 'mixed' };
    if (i % 4 === 2) room.mixTranscoding = { codec: 'h264', output: '1280x720' };
    if (i % 5 === 4) room.relay = { target: 'tencent-css' };
    rooms.push(room);
  }
  s.rooms = rooms;
  return s;
}

function stats(samples: number[]): { median: number; p95: number; min: number } {
  const sorted = [...samples].sort((a, b) => a - b);
  return { median: sorted[Math.floor(sorted.length / 2)]!, p95: sorted[Math.floor(sorted.length * 0.95)]!, min: sorted[0]! };
}

const ms = (v: number): string => `${v.toFixed(2)} ms`;

export default async function (report: Report): Promise<void> {
  const value = twentyRooms();
  const today = '2026-11-26';
  const first = compute(value, { today });
  if (!first.bill) throw new Error(`bench scenario invalid: ${JSON.stringify(first.parse.errors.slice(0, 3))} ${first.engineError ?? ''}`);
  report('calculator scenario', `20 rooms, ${first.bill.lines.length} bill lines, total ${first.bill.total} ${first.bill.currency}`);

  // Each iteration edits one field (as typing does), so nothing can be cached between runs.
  const rooms = value.rooms as { sessionsPerDay: number }[];
  const run = (advice: boolean, n: number) => {
    const total: number[] = [];
    const parse: number[] = [];
    const bill: number[] = [];
    const model: number[] = [];
    for (let i = 0; i < n; i++) {
      rooms[i % 20]!.sessionsPerDay = 10 + (i % 50);
      const t0 = performance.now();
      const p = parseScenario(value);
      const t1 = performance.now();
      const b = estimate(p.scenario!, { today, advice });
      const t2 = performance.now();
      buildResultModel(b, i % 2 ? 'en' : 'zh-cn');
      const t3 = performance.now();
      parse.push(t1 - t0);
      bill.push(t2 - t1);
      model.push(t3 - t2);
      total.push(t3 - t0);
    }
    return { total: stats(total), parse: stats(parse), bill: stats(bill), model: stats(model) };
  };
  run(true, 20); // warm-up
  run(false, 20);
  const typing = run(false, 100);
  const full = run(true, 100);
  report('recompute while typing (parse + estimate without advice + model): median', ms(typing.total.median));
  report('recompute while typing: p95', ms(typing.total.p95));
  report('  parseScenario / estimate / display model (medians)', `${ms(typing.parse.median)} / ${ms(typing.bill.median)} / ${ms(typing.model.median)}`);
  report('full recompute with payment advice (after a pause): median', ms(full.total.median));
  report('full recompute with payment advice: p95', ms(full.total.p95));
  report('  of which estimate (median)', ms(full.bill.median));
  await inBrowser(value, report);
  report(
    'goal: recompute while typing under 16 ms (one frame)',
    typing.total.median < 16
      ? `met (median ${ms(typing.total.median)})`
      : `NOT met (median ${ms(typing.total.median)}; estimate() is ${ms(typing.bill.median)} of it)`,
  );
}

/** The same recompute inside the real webview bundle in Chromium, including building the DOM. */
async function inBrowser(value: Record<string, unknown>, report: Report): Promise<void> {
  if (!existsSync(process.env.CHROMIUM ?? '/usr/bin/chromium')) {
    report('in Chromium', 'skipped (no chromium)');
    return;
  }
  const { ensureBundle, serve, launch, openCalculator } = await import('../test/browser/harness');
  ensureBundle();
  const served = await serve();
  const browser = await launch();
  try {
    const calc = await openCalculator(browser, served);
    await calc.send({ type: 'init', protocol: 1, locale: 'en', docs: [{ value }], today: '2026-11-26' });
    await calc.settled();
    const samples: { compute: number; dom: number; full: boolean }[] = [];
    for (let i = 0; i < 30; i++) {
      // A string, not a function: the transpiler would add helpers the page does not have.
      const r = (await calc.page.evaluate(`(async (n) => {
        const app = document.getElementById('app');
        const input = document.querySelector('input[data-path="$.rooms[' + (n % 20) + '].sessionsPerDay"]');
        input.value = String(10 + (n % 40));
        input.dispatchEvent(new Event('input', { bubbles: true }));
        await new Promise((res) => {
          const tick = () => (app.dataset.state === 'ready' ? res() : setTimeout(tick, 5));
          setTimeout(tick, 5);
        });
        return app.dataset.lastMs || '0/0/full';
      })(${i})`)) as string;
      const [c, d, mode] = r.split('/');
      samples.push({ compute: Number(c), dom: Number(d), full: mode === 'full' });
    }
    const med = (xs: number[]) => (xs.length ? stats(xs).median : NaN);
    const inline = samples.filter((x) => x.full).length;
    report(
      'in Chromium, per keystroke: compute / DOM (median)',
      `${ms(med(samples.map((x) => x.compute)))} / ${ms(med(samples.map((x) => x.dom)))} (advice computed inline in ${inline} of ${samples.length})`,
    );
  } finally {
    await browser.close();
    await served.close();
  }
}
