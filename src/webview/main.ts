// Entry point of the calculator webview bundle (dist/webview/main.js, a browser IIFE). The shape:
//   state.ts      what the calculator holds, what setState keeps, and the check of what getState returns;
//   actions.ts    every edit as an Action, applied by a pure apply(state, action) → state;
//   views/        lit-html templates of the state (header, form, results, compare, chart); controls dispatch actions;
//   channel.ts    the host channel: messages of ../shared/protocol.ts out, validated in, requests as promises;
//   calculator.ts the loop: dispatch → apply → save → recompute (estimates.ts, debounced while typing) → render.
import { Calculator, type VsCodeApi } from './calculator';
import { PROTOCOL_VERSION, ReadyCommand, type UiLocale } from '../shared/protocol';

declare function acquireVsCodeApi(): VsCodeApi;

function start(): void {
  const root = document.getElementById('app');
  if (!root) return;
  const api = acquireVsCodeApi();
  const locale: UiLocale = document.body.dataset.locale === 'zh-cn' ? 'zh-cn' : 'en';
  let calc: Calculator;
  try {
    calc = new Calculator(root, api, locale);
  } catch (e) {
    api.postMessage({ type: 'log', level: 'error', message: `calculator failed to start: ${e instanceof Error ? (e.stack ?? e.message) : String(e)}` });
    throw e;
  }
  window.addEventListener('message', (e: MessageEvent) => calc.onMessage(e.data));
  window.addEventListener('error', (e) => api.postMessage({ type: 'log', level: 'error', message: String(e.message).slice(0, 2000) }));
  api.postMessage({ type: ReadyCommand.type, protocol: PROTOCOL_VERSION });
}

start();
