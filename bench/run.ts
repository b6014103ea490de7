// `npm run bench`: runs every bench/*.bench.ts in one process so ratios are measured in the same run.
// Each bench module exports `default async function (report: Report): Promise<void>`.
import { readdirSync } from 'node:fs';
import { join } from 'node:path';
import { pathToFileURL } from 'node:url';

export type Report = (name: string, value: string) => void;

async function main(): Promise<void> {
  const dir = __dirname;
  const files = readdirSync(dir).filter((f) => f.endsWith('.bench.ts')).sort();
  const only = process.argv[2];
  for (const f of files) {
    if (only && !f.includes(only)) continue;
    console.log(`\n## ${f}`);
    const mod = await import(pathToFileURL(join(dir, f)).href);
    const run = (mod.default?.default ?? mod.default) as (r: Report) => Promise<void>;
    await run((name, value) => console.log(`${name.padEnd(56)} ${value}`));
  }
}

main().catch((e) => {
  console.error(e);
  process.exit(1);
});
