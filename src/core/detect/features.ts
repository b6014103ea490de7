// Features that only some RTC-Engine editions unlock, found as the SDK calls that use them. Only a call
// actually written in the file counts; a feature whose API is not known for an SDK is not looked for.
//
// Gating (trtc-billing-2025.md §3; trtc.io/62716): push online media stream and RTMP push-in need Standard or
// Pro; AI noise suppression Standard or Pro; speech-to-text / AI Lite or above; video screenshot upload Pro;
// web page recording "some versions". Calls (trtc-sdk-apis.md §1, §13; the AI Denoiser tutorial of the Web SDK,
// trtc.io/59658): Web SDK v5 `startPlugin('AIDenoiser', …)`; server actions `StartStreamIngest`,
// `StartAITranscription`, `StartAIConversation`.
// Not looked for: RTMP push-in (an RTMP URL, not a call), screenshot upload (no API name known), web page
// recording (`StartWebRecord`: its minimum edition is not published), AI noise suppression in the native SDKs
// (no API name verified), and `startPublishMediaStream` (publishing to a CDN: not the gated "push online media
// stream", which pulls a stream into the room).

import type { Text } from '../common';
import type { EditionFeature, EditionFeatureId, Sdk } from './types';

export type { EditionFeature, EditionFeatureId } from './types';
import type { CallName, CallSite, SourceIndex } from './sourceIndex';

interface FeatureRule {
  feature: EditionFeatureId;
  minimumEdition: string;
  call: CallName;
  /** The SDKs whose files the call is read in; absent: any (server actions appear in any server language). */
  sdks?: readonly Sdk[];
  /** The first argument must be this string literal (a plugin name). */
  firstArg?: string;
  text: Text;
}

const RULES: readonly FeatureRule[] = [
  {
    feature: 'aiNoiseSuppression',
    minimumEdition: 'rtc-engine.standard',
    call: 'startPlugin',
    sdks: ['web-v5'],
    firstArg: 'AIDenoiser',
    text: { en: "AI noise suppression (startPlugin('AIDenoiser'))", zh: "AI 降噪（startPlugin('AIDenoiser')）" },
  },
  {
    feature: 'publishMediaStream',
    minimumEdition: 'rtc-engine.standard',
    call: 'StartStreamIngest',
    text: { en: 'push online media stream (StartStreamIngest)', zh: '输入在线媒体流（StartStreamIngest）' },
  },
  {
    feature: 'speechToText',
    minimumEdition: 'rtc-engine.lite',
    call: 'StartAITranscription',
    text: { en: 'speech-to-text (StartAITranscription)', zh: '语音转文字（StartAITranscription）' },
  },
  {
    feature: 'speechToText',
    minimumEdition: 'rtc-engine.lite',
    call: 'StartAIConversation',
    text: { en: 'conversational AI (StartAIConversation)', zh: 'AI 对话（StartAIConversation）' },
  },
];

/** Bounds the list on generated input: one feature is enough to need the edition; the first few show where. */
const MAX_PER_RULE = 4;

function firstArgIs(doc: SourceIndex, site: CallSite, value: string): boolean {
  const first = doc.args(site)[0];
  return first !== undefined && first.tok === first.last && doc.isString(first.tok) && doc.stringValue(first.tok) === value;
}

/**
 * The edition-gated calls of a file, in source order per rule. `sdk` is the file's classification (undefined when
 * none); `file` is copied into each feature's `where`. Never throws: a malformed call is skipped.
 */
export function editionFeatures(doc: SourceIndex, sdk: Sdk | undefined, file?: string): EditionFeature[] {
  const out: EditionFeature[] = [];
  for (const rule of RULES) {
    if (rule.sdks && (sdk === undefined || !rule.sdks.includes(sdk))) continue;
    let n = 0;
    for (const site of doc.callsOf(rule.call)) {
      if (n >= MAX_PER_RULE) break;
      try {
        if (rule.firstArg !== undefined && !firstArgIs(doc, site, rule.firstArg)) continue;
        const range = doc.range(site.nameTok, site.closeTok);
        out.push({ feature: rule.feature, minimumEdition: rule.minimumEdition, where: file === undefined ? { range } : { file, range }, text: rule.text });
        n++;
      } catch {
        // A call the index could not split is not reported (nothing guessed).
      }
    }
  }
  return out;
}
