// detectRooms: text + language id → the TRTC rooms configured in it. Pure: no vscode, no Node APIs.
import type { DetectionResult, ExternalValue } from './types';
import { releaseTokens, tokenize } from './lexer';
import { SourceIndex } from './sourceIndex';
import { Extractor } from './extract';
import { editionFeatures } from './features';
import { familyForLanguage, scriptRanges } from './languages';
import { classifyFile, prefilterFor, type Classification } from './sdks';
import { detectWxml } from './wxml';
import { NameLookup } from './lookup';
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

/** Which SDK a file uses (the registry's rules, from the markers and calls its tokens show). */
function classify(doc: SourceIndex, languageId: string): Classification | undefined {
  return classifyFile(languageId, doc.markers, (name) => doc.callsOf(name).length > 0);
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
    const trtc = prefilterFor(languageId).test(text);
    if (!trtc && names.length === 0) return { rooms: [], notes: [] };
    const ranges = languageId === 'vue' || languageId === 'html' ? scriptRanges(text) : undefined;
    if (ranges && ranges.length === 0) return { rooms: [], notes: [] };
    const tokens = tokenize(text, family, ranges, true);
    try {
      const doc = new SourceIndex(tokens, family);
      const lookup = new NameLookup(typeof options?.externals === 'function' ? options.externals : undefined);
      doc.lookup = lookup;
      const result: DetectionResult = { rooms: [], notes: [] };
      const c = trtc ? classify(doc, languageId) : undefined;
      if (c) {
        const extractor = new Extractor(doc, c.sdk, c.flavor, c.variant);
        result.rooms = extractor.rooms();
        result.notes = extractor.notes();
        if (result.rooms.length === 0) {
          const media = extractor.mediaFragment();
          if (media) result.media = media;
        }
      }
      if (names.length > 0) {
        const calls = wrapperCallsIn(
          doc,
          names,
          result.rooms.map((r) => r.range),
        );
        if (calls.length > 0) result.wrapperCalls = calls;
      }
      if (lookup.unresolved.length > 0) result.unresolved = lookup.unresolved;
      const features = trtc ? editionFeatures(doc, c?.sdk, fileName) : [];
      if (features.length > 0) result.features = features;
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
