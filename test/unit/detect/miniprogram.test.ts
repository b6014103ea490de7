// WeChat Mini Program pages (.wxml): <trtc-room>, <live-pusher> joined to a room:// URL, and the
// bound attributes that leave facts unknown. Markup shapes follow Tencent's demos
// (tencentyun/TRTCSDK WXMini, LiteAVSDK/Live_WXMini) and WeChat's live-pusher documentation.
import { strict as assert } from 'node:assert';
import fc from 'fast-check';
import { detectRooms, languageIdForFile, summarizeRoom } from '../../../src/core/detect';
import { detectWxml } from '../../../src/core/detect/wxml';
import type { DetectionResult } from '../../../src/core/detect';

const URL = 'room://cloud.tencent.com/rtc?sdkappid={{sdkAppID}}&roomid={{roomID}}&userid={{userID}}&usersig={{userSig}}';

function only(result: DetectionResult) {
  assert.equal(result.rooms.length, 1, JSON.stringify(result.notes));
  return summarizeRoom(result.rooms[0]);
}

describe('mini program pages (.wxml)', () => {
  it('maps .wxml files to the wxml language and routes them through detectRooms', () => {
    assert.equal(languageIdForFile('pages/room/room.wxml'), 'wxml');
    const text = `<live-pusher url="${URL}&appscene=live" />`;
    assert.deepEqual(detectRooms(text, 'wxml', 'room.wxml').rooms.map(summarizeRoom), detectWxml(text).rooms.map(summarizeRoom));
  });

  it('reads the scene, camera and size of a <live-pusher> joined to a room URL', () => {
    const text = [
      '<view class="pusher-container">',
      '  <live-pusher',
      `    url="${URL}&appscene=live"`,
      '    mode="RTC"',
      '    video-width="720"',
      '    video-height="1280"',
      '  />',
      '</view>',
    ].join('\n');
    const result = detectWxml(text);
    const room = only(result);
    assert.equal(room.sdk, 'miniprogram');
    assert.equal(room.line, 2);
    // The scene is written; the camera is on by the component's default, so the service is a default too.
    assert.deepEqual(room.service, { from: 'default', value: 'video-live', line: 3, why: '<live-pusher> turns the camera on by default' });
    assert.deepEqual(room.camera, { from: 'explicit', value: '720x1280', line: 5 });
    assert.equal(room.role.from, 'default');
    assert.equal(room.role.value, 'anchor');
    assert.equal(room.screen.value, null);
    // 0-based positions: the anchor is `<live-pusher` on the second line, two spaces in.
    assert.deepEqual(result.rooms[0].range, { start: { line: 1, character: 2 }, end: { line: 1, character: 14 } });
  });

  it("uses live-pusher's documented defaults when attributes are absent", () => {
    const room = only(detectWxml(`<live-pusher url="${URL}" mode="RTC"></live-pusher>`));
    assert.equal(room.service.from, 'default');
    assert.equal(room.service.value, 'video-call');
    assert.match(room.service.why!, /no appscene/);
    assert.match(room.service.why!, /camera on by default/);
    assert.deepEqual({ from: room.camera.from, value: room.camera.value }, { from: 'default', value: '360x640' });
    assert.equal(room.role.value, 'anchor');
    assert.match(room.role.why!, /calls have no roles/);
  });

  it('turns the camera off only for {{false}}: the string "false" is true in WXML', () => {
    const off = only(detectWxml(`<live-pusher url="${URL}&appscene=live" enable-camera="{{false}}" />`));
    assert.deepEqual(off.service, { from: 'explicit', value: 'voice-live', line: 1 });
    assert.deepEqual(off.camera, { from: 'explicit', value: null, line: 1 });
    const stringFalse = only(detectWxml(`<live-pusher url="${URL}&appscene=live" enable-camera="false" />`));
    assert.equal(stringFalse.camera.from, 'unknown');
    assert.match(stringFalse.camera.why!, /WXML turns into true/);
    assert.equal(stringFalse.service.from, 'unknown');
    assert.deepEqual(stringFalse.service.candidates, ['video-live', 'voice-live']);
  });

  it('names the page data a bound attribute comes from (trtc-wx renders {{pusher.*}})', () => {
    const text = [
      '<!-- trtc-wx pusher -->',
      '<live-pusher class="trtc-pusher" url="{{pusher.url}}" mode="{{pusher.mode}}" enable-camera="{{pusher.enableCamera}}"',
      '  video-width="{{pusher.videoWidth}}" video-height="{{pusher.videoHeight}}" />',
    ].join('\n');
    const room = only(detectWxml(text));
    assert.equal(room.service.from, 'unknown');
    assert.match(room.service.why!, /\{\{pusher\.url\}\}/);
    assert.equal(room.camera.from, 'unknown');
    assert.match(room.camera.why!, /enable-camera is bound to page data \(\{\{pusher\.enableCamera\}\}\)/);
  });

  it('reads video-width/video-height bindings as unknown, with the binding', () => {
    const room = only(detectWxml(`<live-pusher url="${URL}" video-width="{{width}}" video-height="640" />`));
    assert.equal(room.camera.from, 'unknown');
    assert.match(room.camera.why!, /video-width is bound to page data \(\{\{width\}\}\)/);
  });

  it('does not call a <live-pusher> TRTC when nothing on the page says so', () => {
    // LiteAVSDK/Live_WXMini's trtc-wx pages bind every pusher attribute and name no TRTC in markup.
    const bound = detectWxml('<live-pusher url="{{pusher.url}}" mode="{{pusher.mode}}" autopush="{{pusher.autopush}}" />');
    assert.deepEqual(bound.rooms, []);
    assert.deepEqual(
      bound.notes.map((n) => n.code),
      ['wxml.live-pusher-unbound'],
    );
    assert.ok(bound.notes[0].text.zh.length > 0);
    // A commented-out TRTC pusher is no evidence either.
    const commented = detectWxml('<!-- <live-pusher url="room://cloud.tencent.com/rtc" /> -->\n<live-pusher url="{{pushUrl}}" />');
    assert.deepEqual(commented.rooms, []);
    // An RTMP push goes to Tencent Cloud CSS, not TRTC.
    const rtmp = detectWxml('<live-pusher url="rtmp://push.example.com/live/stream1" mode="FHD" />');
    assert.deepEqual(rtmp.rooms, []);
    assert.deepEqual(
      rtmp.notes.map((n) => n.code),
      ['wxml.live-pusher-not-trtc'],
    );
  });

  it('leaves the resolution unknown when mode or aspect pick it', () => {
    const fhd = only(detectWxml(`<live-pusher url="${URL}" mode="FHD" />`));
    assert.equal(fhd.camera.from, 'unknown');
    assert.match(fhd.camera.why!, /mode="FHD"/);
    const aspect = only(detectWxml(`<live-pusher url="${URL}" aspect="3:4" />`));
    assert.equal(aspect.camera.from, 'unknown');
  });

  it('reads encsmall and recording ids from the room URL', () => {
    const small = only(detectWxml(`<live-pusher url="${URL}&encsmall=1" />`));
    assert.equal(small.smallStream.from, 'unknown');
    assert.match(small.smallStream.why!, /encsmall=1/);
    const rec = only(detectWxml(`<live-pusher url="${URL}&userdefinerecordid=class_{{roomID}}" />`));
    assert.equal(rec.recording.from, 'unknown');
    const boundScene = only(detectWxml(`<live-pusher url="${URL}&appscene={{scene}}" />`));
    assert.equal(boundScene.service.from, 'unknown');
    assert.match(boundScene.service.why!, /appscene is bound to page data \(\{\{scene\}\}\)/);
    const odd = only(detectWxml(`<live-pusher url="${URL}&appscene=karaoke" />`));
    assert.equal(odd.service.from, 'unknown');
  });

  it('reports a <trtc-room> with a bound config as unknown, naming the page data', () => {
    const room = only(detectWxml('<view>\n  <trtc-room id="trtcroom" config="{{trtcConfig}}"></trtc-room>\n</view>'));
    assert.equal(room.sdk, 'miniprogram');
    assert.equal(room.line, 2);
    for (const f of [room.service, room.role, room.camera]) {
      assert.equal(f.from, 'unknown');
      assert.match(f.why!, /\{\{trtcConfig\}\}/);
    }
    assert.equal(room.screen.from, 'default');
  });

  it('reads an inline <trtc-room> config, with the component defaults for what it omits', () => {
    const live = only(detectWxml(`<trtc-room config="{{ {scene: 'live', enableCamera: true, videoWidth: 540, videoHeight: 960} }}" />`));
    assert.equal(live.service.from, 'explicit');
    assert.equal(live.service.value, 'video-live');
    assert.equal(live.camera.value, '540x960');
    const defaults = only(detectWxml(`<trtc-room config="{{template: '1v1', sdkAppID: 1400000000}}" />`));
    assert.equal(defaults.service.from, 'default');
    assert.equal(defaults.service.value, 'video-call');
    assert.match(defaults.service.why!, /defaults to 'rtc'/);
    assert.equal(defaults.camera.value, '360x640');
    const audience = only(detectWxml(`<trtc-room config="{{scene: 'live', role: 'audience', enableCamera: false}}" />`));
    assert.equal(audience.role.value, 'audience');
    assert.equal(audience.role.from, 'explicit');
    assert.equal(audience.camera.value, null);
    assert.equal(audience.service.value, 'voice-live');
  });

  it('attaches <live-player> tags to the room for hovers', () => {
    const result = detectWxml(`<live-pusher url="${URL}" />\n<live-player src="{{item.src}}" mode="RTC" />\n<live-player src="{{b.src}}" />`);
    assert.equal(result.rooms.length, 1);
    const lines = result.rooms[0].ranges.map((r) => r.start.line);
    assert.ok(lines.includes(1) && lines.includes(2), JSON.stringify(lines));
  });

  it('keeps its place through quotes holding < and >, wxs modules and broken markup', () => {
    const text = [
      '<view wx:if="{{index < 6 - list.length}}" class="a>b"></view>',
      '<wxs module="m">var f = function (a, b) { return a < b; };\nmodule.exports = { f: f };</wxs>',
      '<text>{{a < b ? "x" : "y"}}</text>',
      '<view class="unterminated',
      `<live-pusher url="${URL}&appscene=live" video-width="480" video-height="640" />`,
    ].join('\n');
    // The unterminated quote swallows the rest of the file: nothing after it is a tag.
    assert.deepEqual(detectWxml(text).rooms, []);
    const closed = text.replace('class="unterminated', 'class="closed">');
    const room = only(detectWxml(closed));
    assert.equal(room.camera.value, '480x640');
    assert.equal(room.line, 6); // the wxs module spans two lines
  });

  it('finds the same facts with Windows line endings', () => {
    const text = `<view>\n  <live-pusher\n    url="${URL}&appscene=live"\n    video-width="720" video-height="1280" />\n</view>\n`;
    const lf = detectWxml(text).rooms.map(summarizeRoom);
    const crlf = detectWxml(text.replace(/\n/g, '\r\n')).rooms.map(summarizeRoom);
    assert.deepEqual(crlf, lf);
  });

  it('never throws and stays well-formed on arbitrary markup', () => {
    const fragments = [
      '<live-pusher',
      '<trtc-room',
      '<live-player',
      ' url="',
      URL,
      '"',
      "'",
      '{{',
      '}}',
      '>',
      '/>',
      '<',
      '<!--',
      '-->',
      '<wxs>',
      '</wxs>',
      ' enable-camera=',
      ' video-width=',
      '720',
      ' config=',
      '{{ {scene: ',
      "'live'",
      ' mode=',
      'RTC',
      '\n',
      '&appscene=live',
      '\u0000',
    ];
    fc.assert(
      fc.property(fc.array(fc.constantFrom(...fragments), { maxLength: 60 }), (parts) => {
        let result: DetectionResult | undefined;
        assert.doesNotThrow(() => (result = detectWxml(parts.join(''))));
        for (const note of result!.notes) assert.notEqual(note.code, 'detect.internal-error', note.text.en);
        for (const room of result!.rooms) {
          assert.equal(room.sdk, 'miniprogram');
          for (const f of [room.service, room.role, room.camera, room.screen, room.smallStream, room.recording, room.mixTranscoding, room.relay]) {
            if (f.provenance.kind !== 'explicit') assert.ok(f.provenance.reason.en.length > 0 && f.provenance.reason.zh.length > 0);
          }
        }
      }),
      { numRuns: 500 },
    );
    assert.deepEqual(detectWxml(''), { rooms: [], notes: [] });
    assert.deepEqual(detectWxml(undefined as unknown as string), { rooms: [], notes: [] });
  });

  it('handles a large page with many tags in one pass', () => {
    const row = `<view class="row" data-x="{{a > b}}"><live-player src="{{item.src}}" /></view>\n`;
    const text = `<live-pusher url="${URL}" />\n` + row.repeat(20_000) + '<view class="open';
    const result = detectWxml(text);
    assert.equal(result.rooms.length, 1);
    assert.ok(result.rooms[0].ranges.length <= 256);
  });
});

describe('mini program page scripts (trtc-wx, <trtc-room>)', () => {
  const TRTC_WX_PAGE = (body: string) =>
    ["import TRTC from '../../static/trtc-wx'", 'Page({', '  onLoad(options) {', '    this.TRTC = new TRTC(this)', body, '  },', '})'].join('\n');

  it('classifies a trtc-wx page as a mini program room, not Web v5, with trtc-wx defaults', () => {
    const text = TRTC_WX_PAGE(
      [
        '    this.TRTC.createPusher({ beautyLevel: 9 })',
        '    this.setData({ pusher: this.TRTC.enterRoom({ sdkAppID: options.sdkAppID, roomID: options.roomID }) })',
        '    this.TRTC.on(this.TRTC.EVENT.LOCAL_JOIN, () => this.setData({ pusher: this.TRTC.setPusherAttributes({ enableCamera: true }) }))',
      ].join('\n'),
    );
    const room = only(detectRooms(text, 'javascript', 'room.js'));
    assert.equal(room.sdk, 'miniprogram');
    assert.equal(room.line, 6);
    // No scene: trtc-wx sends appscene=videocall; the camera is turned on in code, its size is trtc-wx's default.
    assert.equal(room.service.value, 'video-call');
    assert.equal(room.service.from, 'default');
    assert.match(room.service.why!, /trtc-wx joins as 'rtc'/);
    assert.deepEqual({ from: room.camera.from, value: room.camera.value, line: room.camera.line }, { from: 'default', value: '360x640', line: 7 });
    assert.match(room.camera.why!, /trtc-wx's pusher defaults to 360 × 640/);
    assert.equal(room.screen.value, null);
    assert.equal(room.role.value, 'anchor');
  });

  it('keeps the camera off until the page turns it on (trtc-wx starts with enableCamera false)', () => {
    const text = TRTC_WX_PAGE("    this.TRTC.enterRoom({ roomID: 1, scene: 'live' })\n    this.TRTC.setPusherAttributes({ enableMic: true })");
    const room = only(detectRooms(text, 'javascript', 'room.js'));
    assert.deepEqual({ from: room.camera.from, value: room.camera.value }, { from: 'default', value: null });
    assert.match(room.camera.why!, /camera off/);
    assert.equal(room.service.value, 'voice-live');
    assert.equal(room.service.from, 'default');
    // The scene is written; the camera state is trtc-wx's default, so the service says both.
    assert.match(room.service.why!, /camera off/);
  });

  it('reads the pusher size and the camera switch wherever the page writes them', () => {
    const text = TRTC_WX_PAGE(
      [
        '    this.TRTC.createPusher({ videoWidth: 540, videoHeight: 960, enableCamera: true })',
        "    this.TRTC.enterRoom({ roomID: 1, scene: 'rtc', encsmall: 1 })",
      ].join('\n'),
    );
    const room = only(detectRooms(text, 'javascript', 'room.js'));
    assert.deepEqual({ from: room.camera.from, value: room.camera.value }, { from: 'explicit', value: '540x960' });
    assert.deepEqual({ from: room.service.from, value: room.service.value }, { from: 'explicit', value: 'video-call' });
    assert.equal(room.smallStream.from, 'unknown');
    assert.match(room.smallStream.why!, /encsmall/);
    // enableCamera decided at run time only: video or voice.
    const runtime = only(detectRooms(TRTC_WX_PAGE('    this.TRTC.enterRoom({ roomID: 1, enableCamera: options.video })'), 'javascript', 'room.js'));
    assert.equal(runtime.service.from, 'unknown');
    assert.deepEqual(runtime.service.candidates, ['video-call', 'voice-call']);
  });

  it("does not take the page's own enterRoom helper for a second room", () => {
    const text = TRTC_WX_PAGE(
      [
        '    this.enterRoom({ roomID: options.roomID })',
        '  },',
        '  enterRoom(options) {',
        '    this.setData({ pusher: this.TRTC.enterRoom(Object.assign(this.data.config, { roomID: options.roomID })) })',
      ].join('\n'),
    );
    const result = detectRooms(text, 'javascript', 'room.js');
    assert.deepEqual(
      result.rooms.map((r) => r.range.start.line + 1),
      [8],
    );
  });

  it('reports no room for a <trtc-room> page script: the .wxml carries the room', () => {
    const text = [
      'Page({',
      '  onLoad(options) {',
      "    this.trtcComponent = this.selectComponent('#trtcroom')",
      "    this.setData({ trtcConfig: { sdkAppID: options.sdkAppID, userID: options.userID, userSig: options.userSig, template: '1v1' } }, () => {",
      '      this.trtcComponent.enterRoom({ roomID: Number(options.roomID) }).then(() => {',
      '        this.trtcComponent.publishLocalVideo()',
      '      })',
      '    })',
      '  },',
      '})',
    ].join('\n');
    const result = detectRooms(text, 'javascript', 'room.js');
    assert.deepEqual(result.rooms, []);
    assert.deepEqual(
      result.notes.map((n) => n.code),
      ['detect.miniprogram-trtc-room'],
    );
    assert.match(result.notes[0].text.en, /^Line 5: .*<trtc-room>/);
    assert.ok(result.notes[0].text.zh.includes('<trtc-room>'));
    // Any name works when it comes from selectComponent.
    const renamed = detectRooms(text.replace(/trtcComponent/g, 'room'), 'javascript', 'room.js');
    assert.deepEqual(renamed.rooms, []);
    assert.deepEqual(
      renamed.notes.map((n) => n.code),
      ['detect.miniprogram-trtc-room'],
    );
  });

  it('leaves a React-style selectComponent helper alone', () => {
    // `const selectComponent = () => ...` is no mini program API call.
    const text =
      "import TRTC from 'trtc-sdk-v5'\nconst selectComponent = () => null\nconst trtc = TRTC.create()\nawait trtc.enterRoom({ roomId: 1, scene: 'live', " +
      "role: 'audience' })";
    const room = only(detectRooms(text, 'javascript', 'a.js'));
    assert.equal(room.sdk, 'web-v5');
  });
});
