// detectRooms: text + language id → the TRTC rooms configured in it. Pure: no vscode, no Node APIs.
import type { DetectionResult, ExternalValue, Sdk } from './types';
import { releaseTokens, tokenize } from './lexer';
import { Doc, MARK_ELECTRON, MARK_KIT, MARK_NATIVE_JS, MARK_OLD_FLUTTER, MARK_REACT_NATIVE, MARK_TRTC_WX, MARK_UNI_APP, MARK_UNITY, MARK_WEB_V4, MARK_WEB_V5, MARK_WX_COMPONENT } from './doc';
import { Extractor, type Flavor } from './extract';
import { familyForLanguage, scriptRanges } from './languages';
import { detectWxml } from './wxml';
import { NameLookup } from './values';
import { wrapperCallsIn, wrapperNames } from './wrappers';

export interface DetectOptions {
  /**
   * Values of constants defined in other files, for names this file uses without defining them
   * (`ROOM_SCENE`, `AppConfig.RESOLUTION`, `Constants.Video.PROFILE`). Called with dotted names,
   * most specific first, until one answers (see Evaluator.lookupNames for which names and in what
   * order); each distinct name at most once per call of detectRooms. Several values are candidates.
   * A fact found this way is explicit, its provenance naming the other file. Without it, names
   * stay as written (and are listed in `DetectionResult.unresolved`).
   */
  externals?: (name: string) => ExternalValue[] | undefined;
  /**
   * Names of the app's own functions that enter a room (`demoEnterRoom`, `enterRoomWith`): each call of
   * one in this file is reported in `DetectionResult.wrapperCalls` (declarations are not calls).
   */
  wrappers?: ReadonlySet<string>;
}

/** Cheap test before tokenizing: a file that names nothing TRTC-related configures no room. */
const TRTC_MARKERS = /TRTC|trtc|Trtc|TUICall|TUIRoom|TUILive|LiveCoreView|CloudRecording|MCUMixTranscode|PublishCdnStream|enterRoom|RecordParams|EncodeParams|WithTranscoding|StreamIngest|StartAI|StartWebRecord/;

interface Classification {
  sdk: Sdk;
  flavor: Flavor;
  oldFlutter: boolean;
}

/** Which SDK a file uses, from its language and the imports and names its tokens show. */
function classify(doc: Doc, languageId: string): Classification {
  const m = doc.markers;
  const kit = (m & MARK_KIT) !== 0;
  const native: Flavor = kit ? 'kit' : 'native';
  switch (languageId) {
    case 'dart':
      return { sdk: 'flutter', flavor: native, oldFlutter: (m & MARK_OLD_FLUTTER) !== 0 };
    case 'java':
    case 'kotlin':
      return { sdk: 'android', flavor: native, oldFlutter: false };
    case 'objective-c':
    case 'objective-cpp':
    case 'swift':
      return { sdk: 'ios', flavor: native, oldFlutter: false };
    case 'cpp':
    case 'c':
      return { sdk: 'windows', flavor: native, oldFlutter: false };
    case 'csharp':
      return { sdk: (m & MARK_UNITY) !== 0 ? 'unity' : 'windows', flavor: native, oldFlutter: false };
    case 'python':
    case 'go':
    case 'json':
    case 'jsonc':
      return { sdk: 'server-rest', flavor: 'native', oldFlutter: false };
    default:
      break;
  }
  // WeChat Mini Program page scripts: trtc-wx (the page drives <live-pusher> itself) or a page reaching
  // the <trtc-room> component (its room is configured in the page's .wxml).
  if (m & MARK_TRTC_WX || (m & MARK_WX_COMPONENT && !(m & (MARK_ELECTRON | MARK_REACT_NATIVE | MARK_UNI_APP | MARK_WEB_V4 | MARK_WEB_V5 | MARK_KIT)))) {
    return { sdk: 'miniprogram', flavor: 'miniprogram', oldFlutter: false };
  }
  if (m & MARK_ELECTRON) return { sdk: 'electron', flavor: native, oldFlutter: false };
  if (m & MARK_REACT_NATIVE) return { sdk: 'react-native', flavor: native, oldFlutter: false };
  if (m & MARK_UNI_APP) return { sdk: 'uni-app', flavor: native, oldFlutter: false };
  const v4Calls = doc.callsOf('createClient').length > 0 && doc.callsOf('createStream').length > 0;
  if (m & MARK_WEB_V4 || v4Calls) return { sdk: 'web-v4', flavor: kit ? 'kit' : 'web-v4', oldFlutter: false };
  // Native-style calls in JavaScript without the Web SDK: Electron (its import may be in another file).
  if (!(m & MARK_WEB_V5) && m & MARK_NATIVE_JS) return { sdk: 'electron', flavor: native, oldFlutter: false };
  return { sdk: 'web-v5', flavor: kit ? 'kit' : 'web-v5', oldFlutter: false };
}

/**
 * The TRTC rooms configured in a document. Never throws; linear in the length of the text.
 * `fileName` is only used for notes. `options.externals` resolves names defined in other files.
 */
export function detectRooms(text: string, languageId: string, fileName?: string, options?: DetectOptions): DetectionResult {
  try {
    if (typeof text !== 'string' || text.length === 0) return { rooms: [], notes: [] };
    if (languageId === 'wxml') return detectWxml(text, fileName); // markup, not script: its own scanner
    const family = familyForLanguage(languageId);
    if (!family) return { rooms: [], notes: [] };
    // A page may enter its room only through the app's wrapper, naming nothing of TRTC itself.
    const names = wrapperNames(options?.wrappers).filter((w) => text.includes(w));
    const trtc = TRTC_MARKERS.test(text);
    if (!trtc && names.length === 0) return { rooms: [], notes: [] };
    const ranges = languageId === 'vue' || languageId === 'html' ? scriptRanges(text) : undefined;
    if (ranges && ranges.length === 0) return { rooms: [], notes: [] };
    const tokens = tokenize(text, family, ranges, true);
    try {
      const doc = new Doc(tokens, family);
      const lookup = new NameLookup(typeof options?.externals === 'function' ? options.externals : undefined);
      doc.lookup = lookup;
      const result: DetectionResult = { rooms: [], notes: [] };
      if (trtc) {
        const c = classify(doc, languageId);
        const extractor = new Extractor(doc, c.sdk, c.flavor, c.oldFlutter);
        result.rooms = extractor.rooms();
        result.notes = extractor.notes();
        if (result.rooms.length === 0) {
          const media = extractor.mediaFragment();
          if (media) result.media = media;
        }
      }
      if (names.length > 0) {
        const calls = wrapperCallsIn(doc, names, result.rooms.map((r) => r.range));
        if (calls.length > 0) result.wrapperCalls = calls;
      }
      if (lookup.unresolved.length > 0) result.unresolved = lookup.unresolved;
      return result;
    } finally {
      // Rooms hold positions, not tokens: the buffer can serve the next document.
      releaseTokens(tokens);
    }
  } catch (e) {
    // Detection must never break the editor: report the failure as a note.
    const message = e instanceof Error ? e.message : String(e);
    return {
      rooms: [],
      notes: [
        {
          code: 'detect.internal-error',
          text: {
            en: `Detection failed on ${fileName ?? 'this file'}: ${message}`,
            zh: `检测 ${fileName ?? '此文件'} 时出错：${message}`,
          },
        },
      ],
    };
  }
}
