// The webview's host channel without a browser: requests carry fresh ids, answers settle only the request
// they belong to, and anything else from the host is dropped with a log line.
import assert from 'node:assert/strict';
import { HostChannel } from '../../../src/webview/channel';
import { CopyRequest, DoneResponse, OpenRequest, OpenedResponse, SaveRequest, parseWebviewMessage, type WebviewMessage } from '../../../src/shared/protocol';

function channel(): { ch: HostChannel; sent: WebviewMessage[] } {
  const sent: WebviewMessage[] = [];
  const ch = new HostChannel({ postMessage: (m) => sent.push(m as WebviewMessage) });
  return { ch, sent };
}

const quiet = <T>(f: () => T): T => {
  const warn = console.warn;
  console.warn = () => undefined;
  try {
    return f();
  } finally {
    console.warn = warn;
  }
};

describe('calculator host channel', () => {
  it('sends a request as a valid message and resolves with its answer', async () => {
    const { ch, sent } = channel();
    const reply = ch.request(SaveRequest, { text: '{}\n', suggestedName: 'a', saveAs: false });
    const m = sent[0]!;
    assert.equal(m.type, 'save');
    assert.deepEqual(parseWebviewMessage(m), m, 'what the channel sends passes the host’s validator');
    const id = (m as { requestId: string }).requestId;
    assert.equal(ch.receive({ type: 'done', requestId: id, ok: true, fileName: 'a.json' }), undefined, 'answers are not handed on');
    assert.deepEqual(await reply, { type: 'done', requestId: id, ok: true, fileName: 'a.json' });
  });

  it('gives each request its own id and settles the right one', async () => {
    const { ch, sent } = channel();
    const a = ch.request(CopyRequest, { text: 'x', what: 'markdown' });
    const b = ch.request(OpenRequest, {});
    const [ida, idb] = sent.map((m) => (m as { requestId: string }).requestId);
    assert.notEqual(ida, idb);
    ch.receive({ type: 'opened', requestId: idb, doc: { value: { rooms: [] }, fileName: 'b.json' } });
    ch.receive({ type: 'done', requestId: ida, ok: false, cancelled: true });
    assert.deepEqual(await b, { type: 'opened', requestId: idb, doc: { value: { rooms: [] }, fileName: 'b.json' } });
    assert.deepEqual(await a, { type: 'done', requestId: ida, ok: false, cancelled: true });
  });

  it('drops and logs invalid messages, answers to nobody, and answers of the wrong kind', async () => {
    const { ch, sent } = channel();
    let settled = false;
    void ch.request(SaveRequest, { text: '', suggestedName: 'a', saveAs: true }).then(() => (settled = true));
    const id = (sent[0] as { requestId: string }).requestId;
    quiet(() => {
      assert.equal(ch.receive({ type: 'eval', code: 'alert(1)' }), undefined);
      assert.equal(ch.receive({ type: 'done', requestId: 'nobody', ok: true }), undefined);
      assert.equal(ch.receive({ type: 'opened', requestId: id, doc: { value: {} } }), undefined, 'a save is not answered by "opened"');
    });
    await new Promise((r) => setTimeout(r, 0));
    assert.equal(settled, false);
    const logs = sent.filter((m) => m.type === 'log');
    assert.equal(logs.length, 3);
    assert.ok(logs.every((l) => l.type === 'log' && l.level === 'warn' && /ignored/.test(l.message) && !l.message.includes('alert')));
    // The wrong answer did not use up the request: the right one still settles it.
    ch.receive({ type: 'done', requestId: id, ok: true });
    await new Promise((r) => setTimeout(r, 0));
    assert.equal(settled, true);
  });

  it('hands notifications on, validated', () => {
    const { ch } = channel();
    assert.deepEqual(ch.receive({ type: 'ping', requestId: 'p' }), { type: 'ping', requestId: 'p' });
    assert.deepEqual(ch.receive({ type: 'add', docs: [] }), { type: 'add', docs: [] });
  });

  it('declares which answers each request gets', () => {
    assert.deepEqual(SaveRequest.responses, [DoneResponse]);
    assert.deepEqual(OpenRequest.responses, [OpenedResponse, DoneResponse]);
  });
});
