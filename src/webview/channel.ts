// The webview's side of the host channel: typed messages out, validated messages in, and requests whose
// answers come back as promises (matched by requestId and checked against the request's response kinds).
import {
  LogCommand,
  describeMessage,
  parseHostMessage,
  type HostMessage,
  type LogLevel,
  type MessageOf,
  type ResponseOf,
  type WebviewMessage,
  type WebviewRequest,
} from '../shared/protocol';
import type { IpcRequest } from '../shared/ipc';

export interface MessageSink {
  postMessage(message: unknown): void;
}

/** A request's fields without the id the channel assigns. */
export type RequestParams<Q> = Q extends IpcRequest<infer T, infer P, infer _R> ? Omit<MessageOf<IpcRequest<T, P, never>>, 'type' | 'requestId'> : never;

interface Pending {
  kind: WebviewRequest;
  settle(m: HostMessage): void;
}

export class HostChannel {
  private seq = 0;
  private readonly pending = new Map<string, Pending>();

  constructor(private readonly sink: MessageSink) {}

  post(m: WebviewMessage): void {
    this.sink.postMessage(m);
  }

  log(level: LogLevel, message: string): void {
    this.post({ type: LogCommand.type, level, message });
  }

  request<Q extends WebviewRequest>(kind: Q, params: RequestParams<Q>): Promise<ResponseOf<Q>> {
    const requestId = `r${Date.now().toString(36)}-${++this.seq}`;
    return new Promise((resolve) => {
      this.pending.set(requestId, { kind, settle: (m) => resolve(m as ResponseOf<Q>) });
      this.post({ type: kind.type, requestId, ...params } as WebviewMessage);
    });
  }

  /**
   * A message from the host: answers settle their request and return undefined; other valid messages are
   * returned; anything invalid (or an answer nobody asked for) is logged and dropped.
   */
  receive(data: unknown): HostMessage | undefined {
    const m = parseHostMessage(data);
    if (!m) {
      this.warn(`ignored an unknown or invalid message from the host (${describeMessage(data)})`);
      return undefined;
    }
    if (m.type !== 'opened' && m.type !== 'done') return m;
    const p = this.pending.get(m.requestId);
    if (!p || !p.kind.responses.some((r) => r.is(m))) {
      this.warn(`ignored an answer to no pending request (${describeMessage(data)})`);
      return undefined;
    }
    this.pending.delete(m.requestId);
    p.settle(m);
    return undefined;
  }

  private warn(text: string): void {
    console.warn(`[trtc-cost] ${text}`);
    this.log('warn', text);
  }
}
