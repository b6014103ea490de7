// Names of rooms and call sites from the names in code, and the "room kind" those names suggest: an app's
// `LiveAnchorActivity` and `LiveAudienceActivity` are both the "live" room, seen by an anchor and by the audience.

/** Words naming a side of a room (who uses the screen), not the room itself. */
const ROLE_WORDS = new Set([
  'anchor',
  'anchors',
  'audience',
  'audiences',
  'host',
  'hosts',
  'viewer',
  'viewers',
  'teacher',
  'teachers',
  'student',
  'students',
  'guest',
  'guests',
  'pusher',
  'player',
  'publisher',
  'publish',
  'subscriber',
  'subscribe',
  'caller',
  'callee',
  'presenter',
  'attendee',
  'attendees',
  'streamer',
  'broadcaster',
  'watcher',
  'watch',
  'member',
  'members',
  'push',
  'pull',
  'enter',
  'join',
  'owner',
  'admin',
  'user',
  'users',
  'speaker',
  'listener',
  'listeners',
  'tutor',
  'learner',
  'doctor',
  'patient',
  'agent',
  'customer',
  'seller',
  'buyer',
  'co',
  'cohost',
  'linkmic',
  'local',
  'remote',
]);

/** Words naming the kind of code unit or a generic file, not the room. */
const UNIT_WORDS = new Set([
  'activity',
  'fragment',
  'view',
  'views',
  'controller',
  'viewcontroller',
  'vc',
  'page',
  'pages',
  'src',
  'lib',
  'com',
  'widget',
  'state',
  'component',
  'components',
  'container',
  'manager',
  'helper',
  'helpers',
  'impl',
  'service',
  'services',
  'index',
  'main',
  'app',
  'demo',
  'example',
  'examples',
  'sample',
  'test',
  'tests',
  'ui',
  'dialog',
  'window',
  'scene',
  'room',
  'rooms',
  'module',
  'model',
  'viewmodel',
  'presenter',
  'store',
  'provider',
  'handler',
  'client',
  'engine',
  'sdk',
  'trtc',
  'rtc',
  'api',
  'util',
  'utils',
  'base',
  'default',
  'new',
  'my',
  'the',
  'basic',
  'simple',
  'mixin',
  'hook',
  'hooks',
  'use',
  'vue',
  'nvue',
  'tsx',
  'jsx',
  'js',
  'ts',
  'kt',
  'java',
  'swift',
  'dart',
  'cs',
  'cpp',
  'go',
  'py',
  'm',
  'mm',
  'h',
  'wxml',
  'html',
  'logic',
  'impl',
  'delegate',
  'callback',
  'listener',
  'lifecycle',
  'script',
  'scripts',
]);

/** "LiveAnchorActivity" → ["Live", "Anchor", "Activity"]; "user_list_state" → ["user", "list", "state"]. */
export function words(name: string): string[] {
  const out: string[] = [];
  // Split on separators, then on case changes (keeping acronyms: "TRTCRoom" → "TRTC", "Room").
  for (const part of name.split(/[^A-Za-z0-9]+/)) {
    if (!part) continue;
    const re = /[A-Z]+(?![a-z])|[A-Z]?[a-z]+|[0-9]+/g;
    let m: RegExpExecArray | null;
    while ((m = re.exec(part)) !== null) out.push(m[0]);
  }
  return out;
}

/** The folder part of a project-relative path: "src/pages/Live.tsx" → "src/pages"; '' at the root. */
export function dirName(file: string): string {
  return file.slice(0, Math.max(0, file.lastIndexOf('/')));
}

/** The last folder's name: "src/pages/Live.tsx" → "pages". */
export function parentDir(file: string): string {
  const dir = dirName(file);
  return dir.slice(dir.lastIndexOf('/') + 1);
}

/** The file's base name without its extension(s): "src/pages/LiveAnchorActivity.java" → "LiveAnchorActivity". */
export function baseName(file: string): string {
  const last = file.slice(file.lastIndexOf('/') + 1);
  const dot = last.indexOf('.');
  return dot > 0 ? last.slice(0, dot) : last;
}

/**
 * The room kind a code unit's name suggests: its words without role and code-unit words, lower case, joined.
 * "LiveAnchorActivity" → "live"; "VoiceChatRoomAudienceActivity" → "voicechat"; "teacher" → "".
 */
export function stemOf(name: string): string {
  return words(name)
    .map((w) => w.toLowerCase())
    .filter((w) => !ROLE_WORDS.has(w) && !UNIT_WORDS.has(w) && !/^\d+$/.test(w))
    .join('');
}

/** "Live" from the words of "LiveAnchorActivity"; '' when only role and unit words remain. */
export function roomTitle(name: string): string {
  const kept = words(name).filter((w) => {
    const l = w.toLowerCase();
    return !ROLE_WORDS.has(l) && !UNIT_WORDS.has(l) && !/^\d+$/.test(l);
  });
  return kept.map((w) => (w.length > 1 && w === w.toUpperCase() ? w : w[0].toUpperCase() + w.slice(1))).join(' ');
}

/**
 * A call site's name, which names its room until the project file renames it: the code unit and the call, readable
 * ("call" + "enterRoom" → "Call (enterRoom)"; "VoiceRoom" keeps its case). Its slug is the unit's and the call's
 * words, as before ("call-enterroom"), so ids written in project files still match.
 */
export function siteName(unit: string, call: string | undefined, line: number): string {
  const title = unit.charAt(0).toUpperCase() + unit.slice(1);
  return call ? `${title} (${call})` : `${title}:${line}`;
}

/** A stable id for a room from its title: "Voice Chat" → "voice-chat". */
export function slug(title: string): string {
  const s = title
    .toLowerCase()
    .replace(/[^a-z0-9]+/g, '-')
    .replace(/^-+|-+$/g, '');
  return s || 'room';
}

/** Words that come before a call but are not its name. */
const NOT_CALLS = new Set(['await', 'return', 'new', 'this', 'self', 'const', 'let', 'var', 'val', 'final', 'auto', 'async', 'yield', 'try', 'if', 'super']);

/**
 * The SDK call an anchor range starts with: the first name followed by "(" (or by ":" as in Objective-C's
 * `[cloud enterRoom:params appScene:…]`) on its first line; else the last name before the first "(".
 */
export function callNameAt(text: string, line: number, character: number): string | undefined {
  let offset = 0;
  for (let l = 0; l < line; l++) {
    const nl = text.indexOf('\n', offset);
    if (nl < 0) return undefined;
    offset = nl + 1;
  }
  const end = text.indexOf('\n', offset);
  const lineText = text.slice(offset + character, end < 0 ? Math.min(text.length, offset + character + 400) : Math.min(end, offset + character + 400));
  const re = /([A-Za-z_$][A-Za-z0-9_$]*)\s*([(:])(?!:)/g;
  let m: RegExpExecArray | null;
  while ((m = re.exec(lineText)) !== null) if (!NOT_CALLS.has(m[1])) return m[1];
  const paren = lineText.indexOf('(');
  const head = paren >= 0 ? lineText.slice(0, paren) : lineText;
  const ids = head.match(/[A-Za-z_$][A-Za-z0-9_$]*/g);
  return ids && ids.length ? ids[ids.length - 1] : undefined;
}
