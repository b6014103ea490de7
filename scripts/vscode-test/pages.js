// Page objects for the code-server workbench, as GitLens's tests/e2e/pageObjects: each part of the UI the UI check
// reads (Quick Open and the palette, the editor's CodeLens and hover, the status bar, the TRTC Cost view, the
// calculator panel) is one object over a playwright-core Page, so a workbench change is fixed in one place.
/* global document -- page.evaluate callbacks run in the browser */
'use strict';

async function openFile(page, file) {
  for (let attempt = 0; attempt < 10; attempt++) {
    await page.keyboard.press('Control+P');
    await page.waitForSelector('.quick-input-widget:not([style*="display: none"]) input', { timeout: 10000 });
    await page.keyboard.type(file);
    const row = page.locator('.quick-input-list .monaco-list-row', { hasText: file }).first();
    try {
      await row.waitFor({ timeout: 5000 });
      await row.click();
      await page.waitForSelector(`.tab.active:has-text("${file}")`, { timeout: 10000 });
      return;
    } catch {
      await page.keyboard.press('Escape');
    }
  }
  throw new Error(`${file} never appeared in Quick Open`);
}

/** Runs a command from the palette by (part of) its title. */
async function runCommand(page, title) {
  for (let attempt = 0; attempt < 5; attempt++) {
    await page.keyboard.press('F1');
    await page.waitForSelector('.quick-input-widget:not([style*="display: none"]) input', { timeout: 10000 });
    await page.keyboard.type(title);
    const row = page.locator('.quick-input-list .monaco-list-row', { hasText: title }).first();
    try {
      await row.waitFor({ timeout: 5000 });
      await row.click();
      return;
    } catch {
      await page.keyboard.press('Escape');
    }
  }
  throw new Error(`the command "${title}" is not in the palette`);
}

async function lensText(page, lineWord) {
  // Lenses read "TRTC list price ≈ …" (en) or "TRTC 刊例价 ≈ …" (zh-cn): the room's list price.
  const el = page.locator('.codelens-decoration', { hasText: /^TRTC .*[≈≤]/ }).first();
  await el.waitFor({ timeout: 60000 });
  const text = (await el.innerText()).trim();
  // The lens sits directly above the line with the call.
  // CodeLenses are redrawn while the document's analysis settles: measure one that stays.
  let lensBox = null;
  for (let i = 0; i < 20 && !lensBox; i++) lensBox = await el.boundingBox({ timeout: 1000 }).catch(() => null);
  const enterBox = await page
    .locator('.view-line span', { hasText: new RegExp(`^${lineWord}$`) })
    .first()
    .boundingBox();
  if (!lensBox || !enterBox || !(lensBox.y < enterBox.y && enterBox.y - lensBox.y < 40))
    throw new Error(`the lens is not right above ${lineWord} (${JSON.stringify(lensBox)} vs ${JSON.stringify(enterBox)})`);
  return text;
}

async function hoverText(page, word, hasText) {
  const target = page.locator('.view-line span', { hasText: new RegExp(`^${word}$`) }).first();
  const box = await target.boundingBox();
  for (let attempt = 0; attempt < 5; attempt++) {
    await page.mouse.move(box.x + box.width / 2, box.y + box.height / 2 + 1, { steps: 3 });
    const h = page.locator('.monaco-hover-content', { hasText }).first();
    try {
      await h.waitFor({ timeout: 8000 });
      return (await h.innerText()).trim();
    } catch {
      await page.mouse.move(5, 5);
    }
  }
  throw new Error(`no hover with "${hasText}" appeared`);
}

// "TRTC bill ≈ ¥…/month" / "TRTC 账单 ≈ ¥…/月" (the workspace bill), or the scanning state before it.
const statusItem = (page) => page.locator('.statusbar-item', { hasText: /TRTC .*[≈≤] [¥$]/ }).first();

async function statusText(page) {
  await statusItem(page).waitFor({ timeout: 60000 });
  return (await statusItem(page).innerText()).trim();
}

/** Opens the TRTC Cost container and returns the rooms pane once its total row is drawn. */
async function openView(page, containerLabel, paneTitle, totalLabel) {
  await page.locator(`.activitybar .action-item a[aria-label^="${containerLabel}"]`).first().click();
  const pane = page.locator('.pane', { hasText: paneTitle }).first();
  await pane.locator('.monaco-list-row', { hasText: totalLabel }).first().waitFor({ timeout: 60000 });
  return pane;
}

/** Rows whose label or description the tree cuts off (an ellipsis instead of text). */
async function clippedRows(pane) {
  return pane
    .locator('.monaco-list-row')
    .evaluateAll((rows) =>
      rows
        .filter((row) =>
          [...row.querySelectorAll('.label-name, .label-description, .monaco-icon-label-container')].some((el) => el.scrollWidth > el.clientWidth + 1),
        )
        .map((row) => row.innerText.replace(/\s+/g, ' ').trim()),
    );
}

/** Whether the first amount (¥1,234 or $1,234.56) in a row is drawn in full, left of where the row cuts its text. */
async function amountVisible(row) {
  return row.evaluate((el) => {
    const walker = document.createTreeWalker(el, 4 /* NodeFilter.SHOW_TEXT */);
    for (let node = walker.nextNode(); node; node = walker.nextNode()) {
      const m = /[¥$][\d,]+(\.\d+)?/.exec(node.textContent);
      if (!m) continue;
      const range = document.createRange();
      range.setStart(node, m.index);
      range.setEnd(node, m.index + m[0].length);
      const box = node.parentElement.closest('.monaco-icon-label-container') || node.parentElement;
      return range.getBoundingClientRect().right <= box.getBoundingClientRect().right;
    }
    return false;
  });
}

/** The calculator's webview document (nested iframes) and its text. */
async function calculatorFrame(page, expected) {
  const deadline = Date.now() + 60000;
  for (;;) {
    for (const frame of page.frames()) {
      if (frame === page.mainFrame()) continue;
      const text = await frame.evaluate(() => (document.body ? document.body.innerText : '')).catch(() => '');
      if (expected.test(text) && (await frame.evaluate(() => !!document.querySelector('main, #app, body > div')).catch(() => false))) return { frame, text };
    }
    if (Date.now() > deadline) throw new Error(`no webview shows ${expected}`);
    await page.waitForTimeout(250);
  }
}

/** The calculator's editor group at about `target` px: the window is resized until the webview has that width. */
async function narrowCalculator(page, target) {
  const webview = page.locator('.webview.ready, iframe.webview').last();
  await webview.waitFor({ timeout: 30000 });
  for (let i = 0; i < 4; i++) {
    const box = await webview.boundingBox();
    if (box && Math.abs(box.width - target) <= 20) return box.width;
    const vp = page.viewportSize();
    // Both editor groups share what the window gains or loses.
    await page.setViewportSize({ width: Math.round(vp.width - 2 * ((box ? box.width : target) - target)), height: vp.height });
    await page.waitForTimeout(500);
  }
  return (await webview.boundingBox()).width;
}

/** The ASCII words of a text, without file names, paths, numbers and the SDK's identifiers. */

class QuickOpen {
  constructor(page) {
    this.page = page;
  }
  /** Opens a workspace file by name through Quick Open. */
  openFile(file) {
    return openFile(this.page, file);
  }
  /** Runs a command by its palette title. */
  runCommand(title) {
    return runCommand(this.page, title);
  }
}

class Editor {
  constructor(page) {
    this.page = page;
  }
  /** The TRTC CodeLens above the line with `lineWord`. */
  lensText(lineWord) {
    return lensText(this.page, lineWord);
  }
  /** The hover over `word` that contains `hasText`. */
  hoverText(word, hasText) {
    return hoverText(this.page, word, hasText);
  }
}

class StatusBar {
  constructor(page) {
    this.page = page;
  }
  /** The TRTC status item (the workspace bill). */
  item() {
    return statusItem(this.page);
  }
  text() {
    return statusText(this.page);
  }
}

class CostView {
  constructor(page) {
    this.page = page;
  }
  /** Opens the view's container and returns its pane once the total row is drawn. */
  open(containerLabel, paneTitle, totalLabel) {
    return openView(this.page, containerLabel, paneTitle, totalLabel);
  }
  /** Rows whose text is cut off at the pane's width. */
  static clippedRows(pane) {
    return clippedRows(pane);
  }
  /** Whether the row's amount is visible (not cut off). */
  static amountVisible(row) {
    return amountVisible(row);
  }
}

class Calculator {
  constructor(page) {
    this.page = page;
  }
  /** The calculator webview's frame once its text matches `expected`. */
  frame(expected) {
    return calculatorFrame(this.page, expected);
  }
  /** Makes the calculator's editor group about `target` px wide (beside the code). */
  narrow(target) {
    return narrowCalculator(this.page, target);
  }
}

const cache = new WeakMap();

/** The page objects of one browser page. */
function pages(page) {
  let p = cache.get(page);
  if (!p)
    cache.set(
      page,
      (p = {
        quickOpen: new QuickOpen(page),
        editor: new Editor(page),
        statusBar: new StatusBar(page),
        costView: new CostView(page),
        calculator: new Calculator(page),
      }),
    );
  return p;
}

module.exports = { pages, QuickOpen, Editor, StatusBar, CostView, Calculator };
