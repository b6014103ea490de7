// The shape of every message between an extension host and its webview, after GitLens's IPC model
// (src/webviews/ipc/models/ipc.ts): a message kind is a value that knows its `type` and how to validate a
// message of that type at run time, so the compile-time type and the run-time check cannot drift apart.
//   IpcCommand      webview → host, no answer;
//   IpcRequest      one side asks, the other answers with one of `responses`, matched by `requestId`;
//   IpcNotification host → webview, no answer (also the answers to the webview's requests).
// No `vscode` import, no DOM, no Node built-ins: this runs in the extension host and in the webview.

export type Obj = Record<string, unknown>;

/** A message on the wire: its `type` plus its fields (flat, as postMessage carries it). */
export type IpcMessage<T extends string, P> = { type: T } & P;

abstract class IpcCall<T extends string, P> {
  constructor(
    readonly type: T,
    /** The fields of a valid message (a clean copy: only known keys, optional ones omitted when absent), or undefined. */
    private readonly fields: (m: Obj) => P | undefined,
    /** Fields the message may carry besides `type`: any other key means the sender speaks another protocol. */
    private readonly keys: readonly string[],
  ) {}

  is(m: { type: string }): m is IpcMessage<T, P> {
    return m.type === this.type;
  }

  /** Validate a message already known to be of this type. */
  parse(m: Obj): IpcMessage<T, P> | undefined {
    if (m.type !== this.type || !onlyKeys(m, this.keys)) return undefined;
    const p = this.fields(m);
    return p === undefined ? undefined : ({ type: this.type, ...p } as IpcMessage<T, P>);
  }
}

export class IpcCommand<T extends string, P> extends IpcCall<T, P> {}

export class IpcNotification<T extends string, P> extends IpcCall<T, P> {}

/** A request carries a `requestId`; the answer (one of `responses`) carries the same id back. */
export class IpcRequest<T extends string, P extends { requestId: string }, R extends IpcCall<string, { requestId: string }>> extends IpcCall<T, P> {
  constructor(
    type: T,
    fields: (m: Obj) => P | undefined,
    keys: readonly string[],
    readonly responses: readonly R[],
  ) {
    super(type, fields, keys);
  }
}

type AnyCall = IpcCall<string, unknown>;

/** The wire type of a message kind (or of a union of kinds). */
export type MessageOf<C> = C extends IpcCall<infer T, infer P> ? IpcMessage<T, P> : never;

/** The wire type of the answers to a request. */
export type ResponseOf<Q> = Q extends IpcRequest<string, infer _P, infer R> ? MessageOf<R> : never;

/** A validator over a closed set of message kinds: anything that is not exactly one of them is undefined. */
export function parserFor<C extends AnyCall>(kinds: readonly C[]): (x: unknown) => MessageOf<C> | undefined {
  const byType = new Map<string, C>(kinds.map((k) => [k.type, k]));
  return (x) => {
    if (!isObj(x) || typeof x.type !== 'string') return undefined;
    return byType.get(x.type)?.parse(x) as MessageOf<C> | undefined;
  };
}

/** A short description of an invalid message for logs (never the whole payload). */
export function describeMessage(x: unknown): string {
  if (isObj(x)) return `type=${JSON.stringify(String(x.type)).slice(0, 60)} keys=${Object.keys(x).slice(0, 10).join(',')}`;
  return typeof x;
}

// ---------------------------------------------------------------------------------------------
// Field validators
// ---------------------------------------------------------------------------------------------

export function isObj(x: unknown): x is Obj {
  return typeof x === 'object' && x !== null && !Array.isArray(x);
}
export function str(x: unknown, max: number): x is string {
  return typeof x === 'string' && x.length <= max;
}
export function optStr(x: unknown, max: number): x is string | undefined {
  return x === undefined || str(x, max);
}
export function int(x: unknown, min: number, max: number): x is number {
  return typeof x === 'number' && Number.isInteger(x) && x >= min && x <= max;
}
export function oneOf<T extends string>(x: unknown, values: readonly T[]): x is T {
  return typeof x === 'string' && (values as readonly string[]).includes(x);
}
function onlyKeys(o: Obj, keys: readonly string[]): boolean {
  for (const k of Object.keys(o)) if (k !== 'type' && !keys.includes(k)) return false;
  return true;
}

/** Finite JSON (no NaN, no functions), at most `maxDepth` deep so a hostile value is refused, not walked forever. */
export function isJsonValue(x: unknown, depth = 0, maxDepth = 64): boolean {
  if (depth > maxDepth) return false;
  if (x === null || typeof x === 'string' || typeof x === 'boolean') return true;
  if (typeof x === 'number') return Number.isFinite(x);
  if (Array.isArray(x)) return x.every((v) => isJsonValue(v, depth + 1, maxDepth));
  if (isObj(x)) return Object.values(x).every((v) => isJsonValue(v, depth + 1, maxDepth));
  return false;
}

/** Copy `o[key]` into `out` when present (optional fields are omitted, never set to undefined). */
export function withOptional<T extends Obj>(out: T, o: Obj, ...keys: string[]): T {
  for (const k of keys) if (o[k] !== undefined) (out as Obj)[k] = o[k];
  return out;
}
