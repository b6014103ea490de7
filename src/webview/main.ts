// Entry point of the calculator webview bundle (dist/webview/main.js, a browser IIFE).
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
