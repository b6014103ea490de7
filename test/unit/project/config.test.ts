// The project file: what it may leave out, its problems with positions, the precedence both front ends apply, and
// the edit that assigns a call site to a room.
import { strict as assert } from 'node:assert';
import { addRoomText, analyzeProject, assignCallSiteText, defaultBaseSettings, detectFile, parseProjectFile, projectSettings } from '../../../src/core/project';

describe('project file', () => {
  it('may leave out version, tariff and rooms, and add assumptions and callSites', () => {
    const r = parseProjectFile('{ "assumptions": { "audience": 30, "camera": "640x360" }, "callSites": { "server/rec.js": "live" } }');
    assert.deepEqual(r.errors, []);
    assert.equal(r.file?.tariff, undefined, 'no tariff stated: the settings decide');
    const s = projectSettings({ ...defaultBaseSettings(), tariff: { region: 'international' } }, r.file, '.vscode/trtc-cost.json');
    assert.equal(s.tariff.region, 'international');
    assert.equal(s.assumptions.audience, 30);
    assert.deepEqual(s.assumptions.defaultCamera, { width: 640, height: 360 });
    assert.equal(s.assumptions.sessionsPerDay, 100, 'the rest from the settings or defaults');
    assert.deepEqual(s.callSites, { 'server/rec.js': 'live' });
  });

  it('wins over the settings for what it states', () => {
    const r = parseProjectFile('{ "tariff": { "region": "mainland" }, "payment": { "freeMinutes": false }, "assumptions": { "sessionsPerDay": 7 } }');
    const s = projectSettings({ ...defaultBaseSettings(), tariff: { region: 'international' }, payment: { freeMinutes: true } }, r.file);
    assert.equal(s.tariff.region, 'mainland');
    assert.equal(s.payment?.freeMinutes, false);
    assert.equal(s.assumptions.sessionsPerDay, 7);
  });

  it('reports problems with their JSON path, line and column', () => {
    const r = parseProjectFile('{\n  "assumptions": {\n    "audience": -3\n  },\n  "callSites": { "a.js": 5 }\n}');
    assert.equal(r.file, undefined);
    const paths = r.errors.map((e) => `${e.path}@${e.line}`);
    assert.ok(paths.includes('$.assumptions.audience@3'), paths.join(' '));
    assert.ok(
      r.errors.some((e) => e.path === '$.callSites.a.js' || e.path.startsWith('$.callSites')),
      paths.join(' '),
    );
    assert.match(parseProjectFile('{ not json').errors[0].message.en, /not valid JSON/);
  });

  it('assigns a call site to a room id, creating the file or keeping what it holds', () => {
    const fresh = assignCallSiteText(undefined, 'src/a.js:3', 'live');
    assert.ok('text' in fresh);
    assert.deepEqual(JSON.parse(fresh.text), { callSites: { 'src/a.js:3': 'live' } });
    const kept = assignCallSiteText('{"assumptions":{"audience":5},"callSites":{"x.js":"a"}}', 'src/a.js:3', 'b');
    assert.ok('text' in kept);
    assert.deepEqual(JSON.parse(kept.text), { assumptions: { audience: 5 }, callSites: { 'x.js': 'a', 'src/a.js:3': 'b' } });
    assert.deepEqual(parseProjectFile(kept.text).errors, [], 'the result is a valid project file');
    assert.ok('error' in assignCallSiteText('{ broken', 'k', 'v'), 'a broken file is not overwritten');
    assert.ok('error' in assignCallSiteText('[1]', 'k', 'v'));
    assert.ok('error' in assignCallSiteText('{"callSites": []}', 'k', 'v'));
  });
});

describe('project file: JSON with comments, edited in place', () => {
  const file = [
    '{',
    '    // Numbers from the Q3 dashboard; ask Li before changing them.',
    '    "assumptions": { "audience": 30 },   /* per class */',
    '',
    '    "callSites": {',
    '        "src/a.js:3": "live", // the lecture',
    '    },',
    '}',
    '',
  ].join('\n');

  it('is read as JSONC (comments, trailing commas), with positions', () => {
    const r = parseProjectFile(file);
    assert.deepEqual(r.errors, []);
    assert.equal(r.file?.assumptions?.audience, 30);
    assert.deepEqual(r.file?.callSites, { 'src/a.js:3': 'live' });
    const bad = parseProjectFile(file.replace('"audience": 30', '"audience": -1'));
    assert.deepEqual(
      bad.errors.map((e) => [e.path, e.line, e.column]),
      [['$.assumptions.audience', 3, 34]],
    );
    const broken = parseProjectFile(file.replace('"live",', '"live" "x",'));
    assert.equal(broken.errors[0].line, 6);
    assert.match(broken.errors[0].message.en, /^not valid JSON: expected ","/);
  });

  it('assigning a call site adds one line and keeps comments, blank lines and indentation', () => {
    const added = assignCallSiteText(file, 'src/b.js:9', 'call');
    assert.ok('text' in added);
    assert.equal(
      added.text,
      [
        '{',
        '    // Numbers from the Q3 dashboard; ask Li before changing them.',
        '    "assumptions": { "audience": 30 },   /* per class */',
        '',
        '    "callSites": {',
        '        "src/a.js:3": "live", // the lecture',
        '        "src/b.js:9": "call",',
        '    },',
        '}',
        '',
      ].join('\n'),
    );
    const changed = assignCallSiteText(file, 'src/a.js:3', 'call');
    assert.ok('text' in changed);
    assert.equal(changed.text, file.replace('"src/a.js:3": "live"', '"src/a.js:3": "call"'));
  });

  it('adds "callSites" after the last key when the file has none, in its CRLF line endings and tabs', () => {
    const text = '{\r\n\t// settings for the demo\r\n\t"assumptions": {"audience": 5}\r\n}\r\n';
    const r = assignCallSiteText(text, 'k.js:1', 'v');
    assert.ok('text' in r);
    assert.equal(r.text, '{\r\n\t// settings for the demo\r\n\t"assumptions": {"audience": 5},\r\n\t"callSites": {\r\n\t\t"k.js:1": "v"\r\n\t}\r\n}\r\n');
  });

  it('refuses a broken file with the place of the problem', () => {
    const r = assignCallSiteText('{\n  "callSites": {\n    "a": "b" "c"\n  }\n}', 'k', 'v');
    assert.ok('error' in r);
    assert.match(r.error.en, /not valid JSON \(3:14: expected ","/);
  });
});

describe('project file: callSites', () => {
  // Two web pages of one live room and a server recording, as the grouping sees them.
  const page = (role: string, media = '') =>
    `import TRTC from 'trtc-sdk-v5';\nconst trtc = TRTC.create();\nawait trtc.enterRoom({ sdkAppId: 1, userId: 'u', userSig: 's', roomId: 8, scene: 'live', ` +
    `role: '${role}' });\n${media}\n`;
  const rec =
    "const tencentcloud = require('tencentcloud-sdk-nodejs');\nconst client = new tencentcloud.trtc.v20190722.Client({});\nawait " +
    "client.CreateCloudRecording({ SdkAppId: 1, RoomId: 8, UserId: 'r', UserSig: 's', RecordParams: { RecordMode: 2 } });\n";
  const files = () => [
    detectFile('src/LiveAnchorPage.js', 'javascript', page('anchor', "await trtc.startLocalVideo({ option: { profile: '720p' } });")),
    detectFile('src/LiveAudiencePage.js', 'javascript', page('audience')),
    detectFile('src/ShopPage.js', 'javascript', page('anchor')),
    detectFile('server/rec.js', 'javascript', rec),
  ];
  const settings = (callSites?: Record<string, string>) => projectSettings(defaultBaseSettings(), callSites ? { callSites, rooms: [] } : undefined);

  it('splits a call site out with a new id, and merges with the id of an automatic room', () => {
    const auto = analyzeProject(files(), settings());
    assert.deepEqual(
      auto.rooms.map((r) => `${r.id}:${r.sites.length}+${r.addOns.length}`),
      ['live:2+1', 'shoppage-enterroom:1+0'],
    );
    const live = auto.rooms.find((r) => r.id === 'live')!;
    assert.equal(live.sites.length, 2);
    // The server call goes to the room with the most call sites by default, said as an assumption.
    assert.deepEqual(
      live.addOns.map((s) => s.key),
      ['server/rec.js:3'],
    );
    assert.ok(live.grouping.some((g) => g.code === 'grouping.attached-default'));

    const split = analyzeProject(files(), settings({ 'src/LiveAudiencePage.js': 'viewers' }));
    assert.deepEqual(split.rooms.map((r) => r.id).sort(), ['liveanchorpage-enterroom', 'shoppage-enterroom', 'viewers']);

    const moved = analyzeProject(files(), settings({ 'server/rec.js:3': 'shoppage-enterroom' }));
    const shop = moved.rooms.find((r) => r.id === 'shoppage-enterroom')!;
    assert.deepEqual(
      shop.addOns.map((s) => s.key),
      ['server/rec.js:3'],
      'the recording now belongs to the shop room',
    );
    assert.equal(moved.rooms.find((r) => r.id === 'live')!.addOns.length, 0);
    assert.deepEqual(shop.room?.recording?.mode, 'mixed');
    assert.equal(moved.rooms.length, 2, 'no room was added');
  });
});

describe('project file: adding a room in place', () => {
  const room = (name: string) => ({
    name,
    service: 'video-call',
    sessionsPerDay: 2,
    minutesPerSession: 5,
    participants: [{ count: 2, role: 'anchor', publish: { camera: '1280x720' }, receive: 'all' }],
  });

  it('appends the room to "rooms" and keeps the comments around it', () => {
    const first = JSON.stringify(room('a')).replace(/,"/g, ', "').replace(/":/g, '": ');
    const text = `{\n  "version": 1,\n  "tariff": { "region": "mainland" }, // our account\n  "rooms": [\n    // the lecture\n    ${first}\n  ]\n}\n`;
    const r = addRoomText(text, room('b') as never);
    assert.ok('text' in r, JSON.stringify(r));
    const added = JSON.stringify(room('b'), null, 2).replace(/\n/g, '\n    ');
    assert.equal(
      r.text,
      `{\n  "version": 1,\n  "tariff": { "region": "mainland" }, // our account\n  "rooms": [\n    // the lecture\n    ${first},\n    ${added}\n  ]\n}\n`,
    );
    assert.deepEqual(parseProjectFile(r.text).errors, []);
    assert.ok('error' in addRoomText('{ "rooms": [ }', room('b') as never), 'a broken file is left alone');
  });
});
