// Entry point of the calculator webview bundle (dist/webview/main.js, a browser IIFE).
import { App, type VsCodeApi } from './app';
import { PROTOCOL_VERSION, type UiLocale } from '../shared/protocol';

declare function acquireVsCodeApi(): VsCodeApi;

function start(): void {
  const root = document.getElementById('app');
  if (!root) return;
  const api = acquireVsCodeApi();
  const locale: UiLocale = document.body.dataset.locale === 'zh-cn' ? 'zh-cn' : 'en';
  let app: App;
  try {
    app = new App(root, api, locale);
  } catch (e) {
    api.postMessage({ type: 'log', level: 'error', message: `calculator failed to start: ${e instanceof Error ? e.stack ?? e.message : String(e)}` });
    throw e;
  }
  window.addEventListener('message', (e: MessageEvent) => app.onMessage(e.data));
  window.addEventListener('error', (e) => api.postMessage({ type: 'log', level: 'error', message: String(e.message).slice(0, 2000) }));
  api.postMessage({ type: 'ready', protocol: PROTOCOL_VERSION });
}

start();
