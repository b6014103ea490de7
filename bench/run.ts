// `npm run bench`: runs every bench/*.bench.ts in one process so ratios are measured in the same run.
// Each bench module exports `default async function (report: Report): Promise<void>`.
// Benchmarks run the code as shipped: each file is bundled with esbuild (as the extension and CLI
// are) rather than through the tsx loader, whose per-function wrappers would distort the timings.
import { build, type Plugin } from 'esbuild';
import { readFileSync, readdirSync } from 'node:fs';
import { dirname, join } from 'node:path';

export type Report = (name: string, value: string) => void;

/** Each bundled source file keeps its own __dirname, so code that finds files relative to itself still works. */
const keepDirname: Plugin = {
  name: 'keep-dirname',
  setup(b) {
    b.onLoad({ filter: /\.ts$/ }, (args) => ({
      contents: readFileSync(args.path, 'utf8').replace(/\b__dirname\b/g, JSON.stringify(dirname(args.path))),
      loader: 'ts',
    }));
  },
};

async function main(): Promise<void> {
  const dir = __dirname;
  const files = readdirSync(dir)
    .filter((f) => f.endsWith('.bench.ts'))
    .sort();
  const only = process.argv[2];
  // Next to the sources (ignored by git), so __dirname and node_modules resolve as they do from the .ts file.
  {
    for (const f of files) {
      if (only && !f.includes(only)) continue;
      console.log(`\n## ${f}`);
      const outfile = join(dir, `.${f.replace(/\.ts$/, '.cjs')}`);
      await build({
        entryPoints: [join(dir, f)],
        outfile,
        bundle: true,
        platform: 'node',
        format: 'cjs',
        target: 'node20',
        packages: 'external',
        external: ['vscode'],
        plugins: [keepDirname],
        logLevel: 'error',
      });
      // eslint-disable-next-line @typescript-eslint/no-require-imports
      const mod = require(outfile);
      const run = (mod.default?.default ?? mod.default) as (r: Report) => Promise<void>;
      await run((name, value) => console.log(`${name.padEnd(56)} ${value}`));
    }
  }
}

main().catch((e) => {
  console.error(e);
  process.exit(1);
});
