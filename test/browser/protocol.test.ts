// The calculator's message protocol: every message crossing the webview boundary is validated; anything that
// is not exactly a known message is rejected (the receiver logs and ignores it).
import assert from 'node:assert/strict';
import { describeMessage, parseHostMessage, parseWebviewMessage, MAX_TEXT } from '../../src/shared/protocol';
import { contentSecurityPolicy, makeNonce, renderShell } from '../../src/extension/panel/html';

describe('calculator protocol', () => {
  it('accepts each well-formed webview message and returns a clean copy', () => {
    const ok: unknown[] = [
      { type: 'ready', protocol: 1 },
      { type: 'save', requestId: 'r1', text: '{}', suggestedName: 'a', saveAs: false },
      { type: 'save', requestId: 'r1', text: '{}', suggestedName: 'a', saveAs: false, uri: 'file:///a.json' },
      { type: 'open', requestId: 'r2' },
      { type: 'copy', requestId: 'r3', text: '| a |', what: 'markdown' },
      { type: 'export', requestId: 'r4', format: 'csv', text: 'a,b', suggestedName: 'x' },
      { type: 'reveal', file: 'src/a.ts', line: 3 },
      { type: 'reveal', file: 'src/a.ts', line: 3, column: 7 },
      { type: 'log', level: 'warn', message: 'x' },
      { type: 'pong', requestId: 'p', summary: { scenarios: 1, active: 0, names: ['a'], total: '1.5', currency: 'USD', errors: 0, locale: 'en' } },
    ];
    for (const m of ok) assert.deepEqual(parseWebviewMessage(m), m, JSON.stringify(m));
  });

  it('rejects unknown types, extra keys, wrong types and oversized or out-of-range values', () => {
    const bad: unknown[] = [
      null,
      'ready',
      [],
      { type: 'nope' },
      { type: 'ready' },
      { type: 'ready', protocol: 1, extra: true },
      { type: 'ready', protocol: '1' },
      { type: 'save', requestId: 'r', text: '{}', suggestedName: 'a' },
      { type: 'save', requestId: 'r', text: 1, suggestedName: 'a', saveAs: true },
      { type: 'save', requestId: 'r', text: 'x'.repeat(MAX_TEXT + 1), suggestedName: 'a', saveAs: true },
      { type: 'copy', requestId: 'r', text: 'x', what: 'html' },
      { type: 'export', requestId: 'r', format: 'exe', text: 'x', suggestedName: 'a' },
      { type: 'reveal', file: '', line: 1 },
      { type: 'reveal', file: 'a', line: 0 },
      { type: 'reveal', file: 'a', line: 1.5 },
      { type: 'reveal', file: 'a', line: 1, column: -1 },
      { type: 'log', level: 'fatal', message: 'x' },
      { type: 'pong', requestId: 'p', summary: { scenarios: 1 } },
      { type: 'open', requestId: 'x'.repeat(101) },
    ];
    for (const m of bad) assert.equal(parseWebviewMessage(m), undefined, JSON.stringify(m)?.slice(0, 80));
  });

  it('validates host messages the same way, including the scenario documents they carry', () => {
    const init = {
      type: 'init',
      protocol: 1,
      locale: 'zh-cn',
      docs: [{ value: { version: 1, rooms: [] }, uri: 'file:///a', fileName: 'a.json' }],
      today: '2026-11-26',
    };
    assert.deepEqual(parseHostMessage(init), init);
    const withBundle = { ...init, l10n: { 'Total for {0} days': '{0} 天合计' } };
    assert.deepEqual(parseHostMessage(withBundle), withBundle);
    assert.deepEqual(parseHostMessage({ type: 'done', requestId: 'r', ok: false, cancelled: true }), {
      type: 'done',
      requestId: 'r',
      ok: false,
      cancelled: true,
    });
    assert.deepEqual(parseHostMessage({ type: 'ping', requestId: 'r' }), { type: 'ping', requestId: 'r' });
    const bad: unknown[] = [
      { type: 'init', protocol: 1, locale: 'fr', docs: [] },
      { type: 'init', protocol: 1, locale: 'en', docs: [{ value: { a: Number.NaN } }] },
      { type: 'init', protocol: 1, locale: 'en', docs: [{ value: {}, script: 'x' }] },
      { type: 'init', protocol: 1, locale: 'zh-cn', docs: [], l10n: { Total: 1 } },
      { type: 'init', protocol: 1, locale: 'zh-cn', docs: [], l10n: ['Total'] },
      { type: 'init', protocol: 1, locale: 'zh-cn', docs: [], l10n: { Total: 'x'.repeat(10_001) } },
      { type: 'add', docs: 'x' },
      { type: 'add', docs: Array.from({ length: 51 }, () => ({ value: {} })) },
      { type: 'opened', requestId: 'r' },
      { type: 'done', requestId: 'r', ok: 'yes' },
      { type: 'eval', code: 'alert(1)' },
    ];
    for (const m of bad) assert.equal(parseHostMessage(m), undefined, JSON.stringify(m)?.slice(0, 80));
    // Deeply nested values are refused rather than walked forever.
    let deep: unknown = 1;
    for (let i = 0; i < 100; i++) deep = [deep];
    assert.equal(parseHostMessage({ type: 'add', docs: [{ value: deep }] }), undefined);
  });

  it('describes a rejected message without echoing its payload', () => {
    assert.equal(describeMessage({ type: 'x', secret: 'y'.repeat(1000) }), 'type="x" keys=type,secret');
    assert.equal(describeMessage(42), 'number');
  });

  it('renders the shell with a nonce CSP that allows no network and no inline code', () => {
    const nonce = makeNonce();
    assert.match(nonce, /^[0-9a-f]{32}$/);
    assert.notEqual(makeNonce(), nonce);
    const csp = contentSecurityPolicy('https://res.example', nonce);
    assert.ok(csp.includes("default-src 'none'"));
    assert.ok(csp.includes("connect-src 'none'"));
    assert.ok(csp.includes(`script-src 'nonce-${nonce}'`));
    assert.ok(!csp.includes('unsafe-inline') && !csp.includes('unsafe-eval'));
    const html = renderShell({
      cspSource: 'https://res.example',
      nonce,
      scriptUri: 'https://res.example/main.js',
      styleUri: 'https://res.example/c.css',
      locale: 'en',
      title: 'T<x>',
      loading: 'L',
    });
    assert.ok(html.includes(`<script nonce="${nonce}" src="https://res.example/main.js"></script>`));
    assert.ok(html.includes('<title>T&lt;x&gt;</title>'));
    assert.equal((html.match(/<script/g) ?? []).length, 1, 'one script, no inline code');
    assert.ok(!/\son[a-z]+=/.test(html), 'no inline handlers');
    assert.ok(!/style=/.test(html), 'no inline styles');
  });
});
