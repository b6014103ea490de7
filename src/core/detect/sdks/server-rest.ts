// TRTC server REST API (TencentCloud API 3.0): recording, mixing, relay and other server actions, from
// any server SDK (Go, Python, Java, Node) or a raw request (a JSON body's "Action", an X-TC-Action header).
import { defineSdk } from './types';

export const serverRest = defineSdk({
  id: 'server-rest',
  name: { en: 'Server REST API', zh: '服务端 REST API' },
  // Java and Node server code is read with the client SDKs of those languages; its REST calls still count.
  languages: ['python', 'go', 'json', 'jsonc', 'java', 'javascript', 'typescript'],
  fallbackFor: ['python', 'go', 'json', 'jsonc'],
  flavor: 'native',
  // A server calls no kit: its actions are read the same whatever a kit name in the file says.
  kits: false,
  prefilter: [
    'CloudRecording',
    'MCUMixTranscode',
    'PublishCdnStream',
    'RecordParams',
    'EncodeParams',
    'WithTranscoding',
    // A raw StartPublishCdnStream body may name only its robot (extract.ts restRooms).
    'AgentParams',
    'StreamIngest',
    'StartAI',
    'StartWebRecord',
  ],
  calls: [
    'CreateCloudRecording',
    'StartMCUMixTranscode',
    'StartMCUMixTranscodeByStrRoomId',
    'StartPublishCdnStream',
    'StartWebRecord',
    'StartStreamIngest',
    'StartAIConversation',
    'StartAITranscription',
    // Request objects built from JSON: Python `from_json_string`, Go `FromJsonString`, Java `fromJsonString`.
    'from_json_string',
    'FromJsonString',
    'fromJsonString',
  ],
  restActions: ['CreateCloudRecording', 'StartMCUMixTranscode', 'StartMCUMixTranscodeByStrRoomId', 'StartPublishCdnStream'],
});
