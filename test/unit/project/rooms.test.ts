// Grouping rules not covered by the project-file tests: a mini program page is one room across its script and markup.
import { strict as assert } from 'node:assert';
import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import { analyzeProject, defaultBaseSettings, detectFile, projectSettings } from '../../../src/core/project';

const fixture = (name: string) => readFileSync(join(__dirname, '..', '..', 'fixtures', 'miniprogram', name), 'utf8');
// The page's markup renders the pusher the script configures (trtc-wx binds its attributes from page data).
const MARKUP = '<view class="trtc-live">\n<live-pusher url="{{pusher.url}}" mode="RTC" enable-camera="{{pusher.enableCamera}}"></live-pusher>\n<live-player wx:for="{{playerList}}" src="{{item.src}}"></live-player>\n</view>\n';

describe('project: rooms of a mini program page', () => {
  it('counts a trtc-wx page once: the script is the room, its WXML is the same room', () => {
    const script = detectFile('pages/live/room.js', 'javascript', fixture('live-room-trtc-wx.js'));
    const markup = detectFile('pages/live/room.wxml', 'wxml', MARKUP);
    assert.equal(script.detection.rooms[0]?.sdk, 'miniprogram');
    assert.equal(markup.detection.rooms.length, 1, 'alone, the markup is a room with unknown facts');
    const project = analyzeProject([script, markup], projectSettings(defaultBaseSettings(), undefined));
    assert.equal(project.rooms.length, 1);
    const [room] = project.rooms;
    assert.deepEqual(room.sites.map((s) => s.key), [`pages/live/room.js:${script.detection.rooms[0].range.start.line + 1}`]);
    assert.ok(room.grouping.some((g) => g.code === 'grouping.page' && g.text.en.includes('pages/live/room.wxml')));
    assert.equal(room.room?.service, 'video-live', "the script's scene ('live'), not the markup's unknown one");
    // A WXML page of another name stays a room of its own.
    const other = detectFile('pages/other/index.wxml', 'wxml', MARKUP);
    assert.equal(analyzeProject([script, markup, other], projectSettings(defaultBaseSettings(), undefined)).sites.length, 2);
  });
});

describe('project: a sharer that enters as a call, viewers as live audience', () => {
  const web = (enter: string, media = '') => `import TRTC from 'trtc-sdk-v5';\nconst trtc = TRTC.create();\nawait trtc.enterRoom(${enter});\n${media}\n`;
  it('is one live room whose anchors publish what the sharer publishes', () => {
    const sharer = detectFile('src/ScreenAnchorPage.js', 'javascript', web("{ scene: 'rtc' }", "await trtc.startScreenShare({ option: { profile: '1080p' } });"));
    const viewer = detectFile('src/ScreenAudiencePage.js', 'javascript', web("{ scene: 'live', role: 'audience' }"));
    const other = detectFile('src/MeetingPage.js', 'javascript', web("{ scene: 'rtc' }"));
    const project = analyzeProject([sharer, viewer, other], projectSettings(defaultBaseSettings(), undefined));
    assert.deepEqual(project.rooms.map((r) => `${r.name}:${r.room?.service}:${r.sites.length}`).sort(), ['MeetingPage · enterRoom:video-call:1', 'Screen:video-live:2']);
    const screen = project.rooms.find((r) => r.name === 'Screen')!;
    assert.ok(screen.grouping.some((g) => g.code === 'grouping.call-into-live'));
    const anchors = screen.room!.participants.find((g) => g.role === 'anchor')!;
    assert.deepEqual(anchors.publish.screen, { width: 1920, height: 1080 });
    assert.equal(anchors.count, 1, 'live defaults: one anchor');
    assert.equal(screen.room!.participants.find((g) => g.role === 'audience')?.count, 100, 'and the live audience');
  });
});

describe('project: the two sides of a screen in one folder', () => {
  const web = (scene: string) => `import TRTC from 'trtc-sdk-v5';\nconst trtc = TRTC.create();\nawait trtc.enterRoom({ scene: '${scene}', role: 'anchor' });\n`;
  it("merges a folder's only two call sites of one service, and leaves a flat folder's rooms apart", () => {
    const s = projectSettings(defaultBaseSettings(), undefined);
    const pair = analyzeProject([detectFile('src/chat/ChatRoomEntry.tsx', 'typescriptreact', web('live')), detectFile('src/chat/VoiceChatRoom.tsx', 'typescriptreact', web('live'))], s);
    assert.equal(pair.rooms.length, 1);
    assert.ok(pair.rooms[0].grouping.some((g) => g.code === 'grouping.folder'));
    const flat = analyzeProject(['ShopLive', 'ClassLive', 'ConcertLive'].map((n) => detectFile(`src/${n}.js`, 'javascript', web('live'))), s);
    assert.equal(flat.rooms.length, 3, 'three rooms of one folder are three rooms');
  });
});
