// detectRooms: text + language id → the TRTC rooms configured in it. Pure: no vscode, no Node APIs.
import type { DetectionResult, Sdk } from './types';
import { releaseTokens, tokenize } from './lexer';
import { Doc } from './doc';
import { Extractor, type Flavor } from './extract';
import { familyForLanguage, scriptRanges } from './languages';

/** Cheap test before tokenizing: a file that names nothing TRTC-related configures no room. */
const TRTC_MARKERS = /TRTC|trtc|Trtc|TUICall|TUIRoom|TUILive|LiveCoreView|CloudRecording|MCUMixTranscode|PublishCdnStream|enterRoom|RecordParams|EncodeParams|WithTranscoding|StreamIngest|StartAI|StartWebRecord/;

const KIT_MARKERS = /TUICallKit|TUICallEngine|TUIRoomEngine|TUIRoomKit|tuiroom-engine|TUILiveKit|LiveCoreView|call-uikit/;

interface Classification {
  sdk: Sdk;
  flavor: Flavor;
  oldFlutter: boolean;
}

/** Cheap substring checks first: an alternation regex cannot skip ahead like indexOf does. */
function hasKitMarker(text: string): boolean {
  if (text.indexOf('TUI') < 0 && text.indexOf('LiveCoreView') < 0 && text.indexOf('call-uikit') < 0 && text.indexOf('tuiroom-engine') < 0) return false;
  return KIT_MARKERS.test(text);
}

function classify(text: string, languageId: string): Classification {
  const kit = hasKitMarker(text);
  const native: Flavor = kit ? 'kit' : 'native';
  switch (languageId) {
    case 'dart':
      return { sdk: 'flutter', flavor: native, oldFlutter: /tencent_trtc_cloud|TRTCCloudDef\./.test(text) };
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
      return { sdk: /UnityEngine|using\s+trtc\s*;|namespace\s+trtc/.test(text) ? 'unity' : 'windows', flavor: native, oldFlutter: false };
    case 'python':
    case 'go':
    case 'json':
    case 'jsonc':
      return { sdk: 'server-rest', flavor: 'native', oldFlutter: false };
    default:
      break;
  }
  if (text.indexOf('trtc-electron-sdk') >= 0) return { sdk: 'electron', flavor: native, oldFlutter: false };
  if (text.indexOf('trtc-react-native') >= 0) return { sdk: 'react-native', flavor: native, oldFlutter: false };
  if (text.indexOf('TrtcCloud') >= 0 || text.indexOf('TrtcDefines') >= 0) return { sdk: 'uni-app', flavor: native, oldFlutter: false };
  if (text.indexOf('trtc-js-sdk') >= 0 || (text.indexOf('createClient') >= 0 && text.indexOf('createStream') >= 0 && /\bcreateClient\s*\(/.test(text) && /\bcreateStream\s*\(/.test(text))) return { sdk: 'web-v4', flavor: kit ? 'kit' : 'web-v4', oldFlutter: false };
  if (text.indexOf('trtc-sdk-v5') < 0 && !/TRTC\.create\s*\(/.test(text) && (text.indexOf('TRTCAppScene') >= 0 || text.indexOf('new TRTCParams') >= 0)) {
    return { sdk: 'electron', flavor: native, oldFlutter: false };
  }
  return { sdk: 'web-v5', flavor: kit ? 'kit' : 'web-v5', oldFlutter: false };
}

/**
 * The TRTC rooms configured in a document. Never throws; linear in the length of the text.
 * `fileName` is only used for notes.
 */
export function detectRooms(text: string, languageId: string, fileName?: string): DetectionResult {
  try {
    if (typeof text !== 'string' || text.length === 0) return { rooms: [], notes: [] };
    const family = familyForLanguage(languageId);
    if (!family) return { rooms: [], notes: [] };
    if (!TRTC_MARKERS.test(text)) return { rooms: [], notes: [] };
    const ranges = languageId === 'vue' || languageId === 'html' ? scriptRanges(text) : undefined;
    if (ranges && ranges.length === 0) return { rooms: [], notes: [] };
    const tokens = tokenize(text, family, ranges, true);
    try {
      const doc = new Doc(tokens, family);
      const c = classify(text, languageId);
      const extractor = new Extractor(doc, c.sdk, c.flavor, c.oldFlutter);
      const rooms = extractor.rooms();
      return { rooms, notes: extractor.notes() };
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
