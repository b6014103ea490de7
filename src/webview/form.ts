// The scenario editor. Every control carries data-path (the JSON path it edits, in Problem.path format) and
// data-kind (how its text becomes JSON); app.ts handles all events by delegation. Each field has an error
// slot (data-error-for) where parseScenario's problems with that path, or a path below it, are shown.
import { h, idFor, type Child } from './dom';
import { icon } from './icons';
import type { Strings } from './i18n';
import {
  RESOLUTION_PRESETS,
  groupNames,
  isObject,
  isPreset,
  pathString,
  resolutionText,
  splitResolution,
  type JsonObject,
  type Path,
} from './scenarioDoc';

export interface FormContext {
  t: Strings;
  /** Resolution fields the user switched to "custom" although the value matches a preset. */
  customRes: Set<string>;
  /** Pack sizes switched to "custom". */
  customPack: Set<string>;
  /** Collapsed sections (keys). */
  closed: Set<string>;
}

const FIXED_PACKS = [25000, 250000, 1000000, 3000000];

function str(x: unknown): string {
  return x === undefined || x === null ? '' : typeof x === 'string' ? x : typeof x === 'number' || typeof x === 'boolean' ? String(x) : JSON.stringify(x);
}

function errorSlot(path: string, extra?: string): HTMLElement {
  return h('div', { class: `field-error${extra ? ' ' + extra : ''}`, id: idFor(path, '-err'), 'data-error-for': path, hidden: true });
}

function describedBy(path: string, help: boolean): string {
  return [help ? idFor(path, '-help') : '', idFor(path, '-err')].filter(Boolean).join(' ');
}

interface FieldOpts {
  help?: string;
  /** Help read by screen readers only (the placeholder shows the default). */
  quietHelp?: boolean;
  wide?: boolean;
  cls?: string;
}

/** Label + control + help + error slot. */
function field(label: string, path: string, control: HTMLElement, o: FieldOpts = {}): HTMLElement {
  return h(
    'div',
    { class: `field${o.wide ? ' wide' : ''}${o.cls ? ' ' + o.cls : ''}` },
    h('label', { for: control.id || idFor(path) }, label),
    control,
    o.help ? h('div', { class: o.quietHelp ? 'sr-only' : 'help', id: idFor(path, '-help') }, o.help) : null,
    errorSlot(path),
  );
}

function textInput(path: Path, value: unknown, kind: 'text' | 'num' | 'date', o: { placeholder?: string; help?: boolean; size?: number } = {}): HTMLInputElement {
  const p = pathString(path);
  return h('input', {
    id: idFor(p),
    type: kind === 'date' ? 'date' : 'text',
    inputmode: kind === 'num' ? 'decimal' : null,
    class: kind === 'num' ? 'num' : null,
    'data-path': p,
    'data-kind': kind,
    value: str(value),
    placeholder: o.placeholder ?? null,
    size: o.size ?? null,
    spellcheck: kind === 'text' ? 'false' : null,
    autocomplete: 'off',
    'aria-describedby': describedBy(p, !!o.help),
  });
}

function select(path: Path, value: string, options: (readonly [string, string] | HTMLOptGroupElement)[], kind = 'select', o: { help?: boolean; id?: string } = {}): HTMLSelectElement {
  const p = pathString(path);
  const sel = h('select', { id: o.id ?? idFor(p), 'data-path': p, 'data-kind': kind, 'aria-describedby': describedBy(p, !!o.help) });
  for (const opt of options) {
    if (opt instanceof HTMLOptGroupElement) sel.appendChild(opt);
    else sel.appendChild(h('option', { value: opt[0], selected: opt[0] === value }, opt[1]));
  }
  sel.value = value;
  return sel;
}

function checkbox(path: Path, checked: boolean, label: string, kind = 'bool', extra: Record<string, string> = {}): HTMLElement {
  const p = pathString(path);
  const id = idFor(p, extra['data-idx'] !== undefined ? `-${extra['data-idx']}` : '');
  return h(
    'div',
    { class: 'check' },
    h('input', { type: 'checkbox', id, 'data-path': p, 'data-kind': kind, checked, ...extra, 'aria-describedby': idFor(p, '-err') }),
    h('label', { for: id }, label),
  );
}

function iconButton(action: string, label: string, name: Parameters<typeof icon>[0], data: Record<string, string | number> = {}): HTMLButtonElement {
  const attrs: Record<string, string> = { type: 'button', class: 'icon-button', 'data-action': action, 'aria-label': label, title: label };
  for (const [k, v] of Object.entries(data)) attrs[`data-${k}`] = String(v);
  return h('button', attrs, icon(name));
}

function textButton(action: string, label: string, name: Parameters<typeof icon>[0] | null, data: Record<string, string | number> = {}, cls = 'secondary'): HTMLButtonElement {
  const attrs: Record<string, string> = { type: 'button', class: `button ${cls}`, 'data-action': action };
  for (const [k, v] of Object.entries(data)) attrs[`data-${k}`] = String(v);
  return h('button', attrs, name ? icon(name) : null, h('span', null, label));
}

let headSeq = 0;

/** A card (room, group, pack): a labelled group with a header row holding its title and actions. */
function card(cls: string, title: Child, actions: HTMLElement[], attrs: Record<string, string | number> = {}, level: 'h3' | 'h4' = 'h3'): HTMLElement {
  const id = `card-title-${++headSeq}`;
  return h(
    'div',
    { class: `card ${cls}`, role: 'group', 'aria-labelledby': id, ...attrs },
    h('div', { class: 'card-head' }, h(level, { id, class: 'card-title' }, title), h('div', { class: 'card-actions' }, actions)),
  );
}

function section(key: string, title: string, ctx: FormContext, path: string, ...body: Child[]): HTMLElement {
  const d = h('details', { class: 'section', 'data-section': key, open: !ctx.closed.has(key) }, h('summary', null, h('h2', null, title)), errorSlot(path, 'section-error'), ...body);
  return d;
}

/** A resolution picker: Off / SDK presets / custom W×H (two inputs composing "WxH"). */
function resolutionField(label: string, path: Path, value: unknown, ctx: FormContext, offLabel: string | null, help?: string): HTMLElement {
  const t = ctx.t;
  const p = pathString(path);
  const text = value === undefined || value === null ? '' : resolutionText(value) ?? str(value);
  const custom = text !== '' && (ctx.customRes.has(p) || !isPreset(text));
  const groups = new Map<string, HTMLOptGroupElement>();
  for (const preset of RESOLUTION_PRESETS) {
    let g = groups.get(preset.group);
    if (!g) {
      g = h('optgroup', { label: preset.group });
      groups.set(preset.group, g);
    }
    g.appendChild(h('option', { value: preset.value, selected: !custom && preset.value === text }, preset.label));
  }
  const options: (readonly [string, string] | HTMLOptGroupElement)[] = [];
  if (offLabel !== null) options.push(['', offLabel] as const);
  options.push(...groups.values());
  options.push(['custom', t.custom] as const);
  const sel = select(path, custom ? 'custom' : text, options, 'res-select', { help: !!help });
  const wrap = h('div', { class: 'field res' }, h('label', { for: sel.id }, label), sel);
  if (custom) {
    const [w, hgt] = splitResolution(value) ?? ['', ''];
    const wId = idFor(p, '-w');
    const hId = idFor(p, '-h');
    wrap.appendChild(
      h(
        'div',
        { class: 'res-custom' },
        h('input', { id: wId, type: 'text', inputmode: 'numeric', class: 'num', size: 5, 'data-path': p, 'data-kind': 'res-w', value: w, 'aria-label': t.widthOf(label), 'aria-describedby': idFor(p, '-err'), autocomplete: 'off' }),
        h('span', { class: 'times', 'aria-hidden': 'true' }, '×'),
        h('input', { id: hId, type: 'text', inputmode: 'numeric', class: 'num', size: 5, 'data-path': p, 'data-kind': 'res-h', value: hgt, 'aria-label': t.heightOf(label), 'aria-describedby': idFor(p, '-err'), autocomplete: 'off' }),
      ),
    );
  }
  if (help) wrap.appendChild(h('div', { class: 'help', id: idFor(p, '-help') }, help));
  wrap.appendChild(errorSlot(p));
  return wrap;
}

function receiveSection(room: unknown, ri: number, gi: number, g: JsonObject, ctx: FormContext): HTMLElement {
  const t = ctx.t;
  const path: Path = ['rooms', ri, 'participants', gi, 'receive'];
  const p = pathString(path);
  const r = g.receive;
  const kind = r === 'all' || r === 'audio-only' || r === 'none' ? r : isObject(r) ? 'some' : r === undefined ? 'all' : 'invalid';
  const opts: [string, string][] = [
    ['all', t.receiveAll],
    ['audio-only', t.receiveAudio],
    ['none', t.receiveNone],
    ['some', t.receiveSome],
  ];
  if (kind === 'invalid') opts.unshift(['invalid', str(r)]);
  const sel = select(path, kind, opts, 'receive');
  const wrap = h('div', { class: 'field receive wide' }, h('label', { for: sel.id }, t.receive), sel);
  if (isObject(r)) {
    const names = groupNames(room);
    const own = names[gi];
    const from = Array.isArray(r.from) ? r.from.map(str) : [];
    const list = h('fieldset', { class: 'from-list' }, h('legend', null, t.receiveFrom));
    names.forEach((n, i) => {
      if (i === gi && n === own) return;
      list.appendChild(checkbox([...path, 'from'], from.includes(n), n, 'receive-from', { 'data-name': n, 'data-idx': String(i) }));
    });
    from.forEach((n, i) => {
      if (!names.includes(n)) list.appendChild(checkbox([...path, 'from'], true, n, 'receive-from', { 'data-name': n, 'data-idx': `x${i}` }));
    });
    list.appendChild(errorSlot(pathString([...path, 'from'])));
    wrap.appendChild(list);
    const stream = str(r.stream) || 'big';
    wrap.appendChild(
      h(
        'div',
        { class: 'row' },
        field(t.receiveStream, pathString([...path, 'stream']), select([...path, 'stream'], stream, [['big', t.streamBig], ['small', t.streamSmall]])),
        h('div', { class: 'field' }, checkbox([...path, 'screen'], r.screen === true, t.receiveScreen), errorSlot(pathString([...path, 'screen']))),
      ),
    );
  }
  wrap.appendChild(errorSlot(p));
  return wrap;
}

function groupCard(room: JsonObject, ri: number, g: unknown, gi: number, ctx: FormContext): HTMLElement {
  const t = ctx.t;
  const base: Path = ['rooms', ri, 'participants', gi];
  const gp = pathString(base);
  const grp: JsonObject = isObject(g) ? g : {};
  const name = groupNames(room)[gi] ?? `group ${gi + 1}`;
  const role = str(grp.role) || 'anchor';
  const publish: JsonObject = isObject(grp.publish) ? grp.publish : {};
  const audioDefault = role === 'anchor';
  const box = card('group', `${t.group} ${gi + 1}: ${name}`, [iconButton('remove-group', t.removeGroup(name), 'trash', { room: ri, index: gi })], { 'data-group': gi }, 'h4');
  box.appendChild(errorSlot(gp, 'section-error'));
  const roleSel = select([...base, 'role'], role, [['anchor', t.roleAnchor], ['audience', t.roleAudience]], 'role');
  box.appendChild(
    h(
      'div',
      { class: 'row' },
      field(t.groupName, pathString([...base, 'name']), textInput([...base, 'name'], grp.name, 'text', { placeholder: `group ${gi + 1}`, size: 14 })),
      field(t.count, pathString([...base, 'count']), textInput([...base, 'count'], grp.count, 'num', { size: 6 })),
      field(t.role, pathString([...base, 'role']), roleSel),
      field(
        t.minutesInRoom,
        pathString([...base, 'minutesInRoom']),
        textInput([...base, 'minutesInRoom'], grp.minutesInRoom, 'num', { size: 6, help: true, placeholder: typeof room.minutesPerSession === 'number' ? String(room.minutesPerSession) : '' }),
        { help: t.minutesInRoomHelp, quietHelp: true },
      ),
    ),
  );
  // Audience members publish nothing (until they become anchors): their video pickers are hidden unless set.
  const publishesVideo = ['camera', 'screen', 'smallStream'].some((k) => publish[k] !== undefined && publish[k] !== null);
  if (role === 'anchor' || publishesVideo) {
    const pub = h('div', { class: 'row publish' });
    pub.appendChild(resolutionField(t.camera, [...base, 'publish', 'camera'], publish.camera, ctx, t.off));
    pub.appendChild(resolutionField(t.screen, [...base, 'publish', 'screen'], publish.screen, ctx, t.off));
    pub.appendChild(resolutionField(t.smallStream, [...base, 'publish', 'smallStream'], publish.smallStream, ctx, t.off));
    box.appendChild(pub);
  } else {
    box.appendChild(h('p', { class: 'help' }, t.audienceNoVideo));
  }
  box.appendChild(errorSlot(pathString([...base, 'publish'])));
  const recv = receiveSection(room, ri, gi, grp, ctx);
  recv.classList.remove('wide');
  recv.classList.add('grow');
  box.appendChild(
    h(
      'div',
      { class: 'row' },
      recv,
      h(
        'div',
        { class: 'field audio-field' },
        h('span', { class: 'label-spacer', 'aria-hidden': 'true' }, '\u00a0'),
        checkbox([...base, 'publish', 'audio'], typeof publish.audio === 'boolean' ? publish.audio : audioDefault, t.audio),
        errorSlot(pathString([...base, 'publish', 'audio'])),
      ),
    ),
  );
  return box;
}

function optionalBlock(key: 'recording' | 'mixTranscoding' | 'relay', title: string, room: JsonObject, ri: number, body: (v: JsonObject) => Child[]): HTMLElement {
  const path: Path = ['rooms', ri, key];
  const v = room[key];
  const on = isObject(v);
  const box = h('div', { class: `addon${on ? ' on' : ''}` }, checkbox(path, on, title, 'addon'));
  if (on) box.appendChild(h('div', { class: 'row' }, ...body(v)));
  box.appendChild(errorSlot(pathString(path)));
  return box;
}

function roomCard(room: unknown, ri: number, total: number, periodDays: unknown, ctx: FormContext): HTMLElement {
  const t = ctx.t;
  const base: Path = ['rooms', ri];
  const rp = pathString(base);
  const r: JsonObject = isObject(room) ? room : {};
  const name = str(r.name) || `${t.room} ${ri + 1}`;
  const service = str(r.service) || 'video-call';
  const actions: HTMLElement[] = [];
  const source = isObject(r.source) ? r.source : undefined;
  if (source && typeof source.file === 'string' && typeof source.line === 'number') {
    const b = textButton('reveal', t.revealSource, 'goto', { room: ri }, 'link');
    b.title = t.revealTitle(source.file, source.line);
    actions.push(b);
  }
  if (ri > 0) actions.push(iconButton('move-room', t.moveUp(name), 'up', { index: ri, dir: -1 }));
  if (ri < total - 1) actions.push(iconButton('move-room', t.moveDown(name), 'down', { index: ri, dir: 1 }));
  actions.push(iconButton('dup-room', t.duplicateRoom(name), 'duplicate', { index: ri }));
  actions.push(iconButton('remove-room', t.removeRoom(name), 'trash', { index: ri }));
  const box = card('room', [h('span', { class: 'room-index' }, `${ri + 1}`), h('span', { class: 'room-title' }, name)], actions, { 'data-room': ri, id: idFor(rp) + '-card' });
  box.appendChild(errorSlot(rp, 'section-error'));
  const services = ['video-call', 'voice-call', 'video-live', 'voice-live'];
  const svcOpts: [string, string][] = services.map((s) => [s, t.services[s] ?? s]);
  if (!services.includes(service)) svcOpts.unshift([service, service]);
  box.appendChild(
    h(
      'div',
      { class: 'row' },
      field(t.roomName, pathString([...base, 'name']), textInput([...base, 'name'], r.name, 'text'), { cls: 'grow' }),
      field(t.service, pathString([...base, 'service']), select([...base, 'service'], service, svcOpts)),
    ),
  );
  box.appendChild(
    h(
      'div',
      { class: 'row' },
      field(t.sessionsPerDay, pathString([...base, 'sessionsPerDay']), textInput([...base, 'sessionsPerDay'], r.sessionsPerDay, 'num', { size: 7 })),
      field(t.minutesPerSession, pathString([...base, 'minutesPerSession']), textInput([...base, 'minutesPerSession'], r.minutesPerSession, 'num', { size: 7 })),
      field(
        t.daysPerMonth,
        pathString([...base, 'daysPerMonth']),
        textInput([...base, 'daysPerMonth'], r.daysPerMonth, 'num', { size: 5, help: true, placeholder: typeof periodDays === 'number' ? String(periodDays) : '30' }),
        { help: t.daysPerMonthHelp, quietHelp: true },
      ),
    ),
  );
  const groups = Array.isArray(r.participants) ? r.participants : [];
  const gwrap = h('div', { class: 'groups' }, h('h3', null, t.participants));
  gwrap.appendChild(errorSlot(pathString([...base, 'participants']), 'section-error'));
  groups.forEach((g, gi) => gwrap.appendChild(groupCard(r, ri, g, gi, ctx)));
  gwrap.appendChild(
    h(
      'div',
      { class: 'button-row' },
      textButton('add-group', t.addAnchors, 'add', { room: ri, role: 'anchor' }),
      textButton('add-group', t.addAudience, 'add', { room: ri, role: 'audience' }),
    ),
  );
  box.appendChild(gwrap);

  const addons = h('div', { class: 'addons' });
  addons.appendChild(
    optionalBlock('recording', t.recording, r, ri, (v) => {
      const p: Path = [...base, 'recording'];
      return [
        field(t.recordingMode, pathString([...p, 'mode']), select([...p, 'mode'], str(v.mode) || 'mixed', [['mixed', t.recMixed], ['single', t.recSingle]])),
        field(t.recContent, pathString([...p, 'content']), select([...p, 'content'], str(v.content) || 'audio-video', [['audio-video', t.recAV], ['audio-only', t.recAudio]])),
        resolutionField(t.recOutput, [...p, 'output'], v.output, ctx, t.largestInput),
        field(t.tasks, pathString([...p, 'tasks']), textInput([...p, 'tasks'], v.tasks, 'num', { size: 4, placeholder: '1' })),
      ];
    }),
  );
  addons.appendChild(
    optionalBlock('mixTranscoding', t.mixing, r, ri, (v) => {
      const p: Path = [...base, 'mixTranscoding'];
      return [
        field(t.codec, pathString([...p, 'codec']), select([...p, 'codec'], str(v.codec) || 'h264', [['h264', 'H.264'], ['h265', 'H.265']])),
        resolutionField(t.mixOutput, [...p, 'output'], v.output, ctx, t.audioOnlyOutput),
        field(t.tasks, pathString([...p, 'tasks']), textInput([...p, 'tasks'], v.tasks, 'num', { size: 4, placeholder: '1' })),
        h('p', { class: 'help wide' }, t.mixingHelp),
      ];
    }),
  );
  addons.appendChild(
    optionalBlock('relay', t.relay, r, ri, (v) => {
      const p: Path = [...base, 'relay'];
      const target = str(v.target) || 'tencent-css';
      const out: Child[] = [field(t.relayTarget, pathString([...p, 'target']), select([...p, 'target'], target, [['tencent-css', t.relayCss], ['third-party', t.relayThird]]))];
      if (target === 'third-party') out.push(field(t.peakMbps, pathString([...p, 'peakMbps']), textInput([...p, 'peakMbps'], v.peakMbps, 'num', { size: 6 })));
      return out;
    }),
  );
  box.appendChild(addons);
  return box;
}

function packRow(pack: unknown, i: number, ctx: FormContext): HTMLElement {
  const t = ctx.t;
  const base: Path = ['payment', 'packs', i];
  const pp = pathString(base);
  const pk: JsonObject = isObject(pack) ? pack : {};
  const minutes = pk.minutes;
  const sizeKey = pathString([...base, 'minutes']);
  const custom = ctx.customPack.has(sizeKey) || !(typeof minutes === 'number' && FIXED_PACKS.includes(minutes));
  const sizeSel = select(
    [...base, 'minutes'],
    custom ? 'custom' : String(minutes),
    [...FIXED_PACKS.map((m) => [String(m), m.toLocaleString('en-US')] as const), ['custom', t.packCustom] as const],
    'pack-size',
    { id: idFor(sizeKey, '-size') },
  );
  const row = card('pack', `${t.pack} ${i + 1}`, [iconButton('remove-pack', t.removePack(i + 1), 'trash', { index: i })], { 'data-pack': i }, 'h4');
  row.appendChild(errorSlot(pp, 'section-error'));
  const fields = h('div', { class: 'row' });
  fields.appendChild(h('div', { class: 'field' }, h('label', { for: sizeSel.id }, t.packSize), sizeSel));
  if (custom) fields.appendChild(field(t.packCustomMinutes, sizeKey, textInput([...base, 'minutes'], minutes, 'num', { size: 9 })));
  else fields.appendChild(errorSlot(sizeKey));
  fields.appendChild(field(t.packPurchased, pathString([...base, 'purchased']), textInput([...base, 'purchased'], pk.purchased, 'date')));
  fields.appendChild(field(t.packRemaining, pathString([...base, 'remaining']), textInput([...base, 'remaining'], pk.remaining, 'num', { size: 9 })));
  fields.appendChild(
    field(
      t.packKind,
      pathString([...base, 'kind']),
      select([...base, 'kind'], str(pk.kind), [['', t.packGeneral], ['audio', t.packAudio], ['SD', t.packSD], ['HD', t.packHD]]),
    ),
  );
  row.appendChild(fields);
  return row;
}

export function renderForm(value: unknown, ctx: FormContext): HTMLElement {
  const t = ctx.t;
  const v: JsonObject = isObject(value) ? value : {};
  const tariff: JsonObject = isObject(v.tariff) ? v.tariff : {};
  const period: JsonObject = isObject(v.period) ? v.period : {};
  const payment: JsonObject = isObject(v.payment) ? v.payment : {};
  const contract: JsonObject = isObject(tariff.contract) ? tariff.contract : {};
  const form = h('form', { class: 'editor', novalidate: true, 'aria-label': t.appTitle });
  form.appendChild(errorSlot('$', 'section-error'));

  form.appendChild(h('div', { class: 'row' }, field(t.scenarioName, '$.name', textInput(['name'], v.name, 'text'), { cls: 'grow' })));

  // Price book and account
  const region = str(tariff.region) || 'international';
  const regionOpts: [string, string][] = [
    ['international', t.regionIntl],
    ['mainland', t.regionMainland],
  ];
  if (region !== 'international' && region !== 'mainland') regionOpts.unshift([region, region]);
  const priceRows: Child[] = [
    h('div', { class: 'row' }, field(t.region, '$.tariff.region', select(['tariff', 'region'], region, regionOpts), { cls: 'grow' })),
    h(
      'div',
      { class: 'row' },
      field(t.accountCreated, '$.tariff.accountCreated', textInput(['tariff', 'accountCreated'], tariff.accountCreated, 'date', { help: true }), { help: t.accountCreatedHelp, cls: 'grow' }),
      field(t.appCreated, '$.tariff.appCreated', textInput(['tariff', 'appCreated'], tariff.appCreated, 'date', { help: true }), { help: t.appCreatedHelp, cls: 'grow' }),
    ),
    h(
      'div',
      { class: 'row' },
      field(
        t.metering,
        '$.tariff.metering',
        select(['tariff', 'metering'], str(tariff.metering), [['', t.meteringAuto], ['per-stream', t.meteringPerStream], ['aggregate', t.meteringAggregate]]),
        { cls: 'grow' },
      ),
      field(t.discount, '$.tariff.contract.discountPercent', textInput(['tariff', 'contract', 'discountPercent'], contract.discountPercent, 'num', { size: 5, placeholder: '0' })),
    ),
    h(
      'div',
      { class: 'field wide' },
      checkbox(['tariff', 'robotsBilled'], tariff.robotsBilled !== false, t.robotsBilled),
      h('div', { class: 'help' }, t.robotsHelp),
      errorSlot('$.tariff.robotsBilled'),
    ),
  ];
  if (isObject(contract.prices) && Object.keys(contract.prices).length > 0) {
    priceRows.push(h('p', { class: 'help' }, t.contractPrices(Object.keys(contract.prices).length)), errorSlot('$.tariff.contract.prices'));
  }
  form.appendChild(section('tariff', t.secTariff, ctx, '$.tariff', ...priceRows, errorSlot('$.tariff.contract')));

  form.appendChild(
    section(
      'period',
      t.secPeriod,
      ctx,
      '$.period',
      h(
        'div',
        { class: 'row' },
        field(t.periodStart, '$.period.start', textInput(['period', 'start'], period.start, 'date', { help: true }), { help: t.periodStartHelp }),
        field(t.periodDays, '$.period.days', textInput(['period', 'days'], period.days, 'num', { size: 4, placeholder: '30' })),
      ),
    ),
  );

  // Rooms
  const rooms = Array.isArray(v.rooms) ? v.rooms : [];
  const roomsBody: Child[] = [errorSlot('$.rooms', 'section-error')];
  rooms.forEach((r, i) => roomsBody.push(roomCard(r, i, rooms.length, period.days, ctx)));
  roomsBody.push(
    h(
      'div',
      { class: 'button-row', role: 'group', 'aria-label': t.addRoom },
      h('span', { class: 'button-row-label', 'aria-hidden': 'true' }, t.addRoomLabel),
      ['video-call', 'voice-call', 'video-live', 'voice-live'].map((svc) => {
        const b = textButton('add-room', t.services[svc] ?? svc, 'add', { service: svc });
        b.setAttribute('aria-label', `${t.addRoom}: ${t.services[svc]}`);
        return b;
      }),
    ),
  );
  form.appendChild(section('rooms', t.secRooms, ctx, '$.rooms-section', ...roomsBody));

  // Payment
  const free = payment.freeMinutes;
  const freeKind = free === false ? 'false' : isObject(free) ? 'remaining' : 'true';
  const payRows: Child[] = [
    h(
      'div',
      { class: 'row' },
      field(t.paymentMode, '$.payment.mode', select(['payment', 'mode'], str(payment.mode), [['', t.modeAuto], ['postpaid-daily', t.modeDaily], ['postpaid-monthly', t.modeMonthly]]), { cls: 'grow' }),
      field(t.freeMinutes, '$.payment.freeMinutes', select(['payment', 'freeMinutes'], freeKind, [['true', t.freeBook], ['false', t.freeNone], ['remaining', t.freeRemaining]], 'free'), { cls: 'grow' }),
    ),
  ];
  if (isObject(free)) {
    payRows.push(
      h('div', { class: 'row' }, field(t.freeRemainingLabel, '$.payment.freeMinutes.remaining', textInput(['payment', 'freeMinutes', 'remaining'], free.remaining, 'num', { size: 9 }))),
    );
  }
  const packs = Array.isArray(payment.packs) ? payment.packs : [];
  const packBox = h('div', { class: 'packs' }, h('h3', null, t.packs), errorSlot('$.payment.packs', 'section-error'));
  if (packs.length === 0) packBox.appendChild(h('p', { class: 'help' }, t.noPacks));
  packs.forEach((p, i) => packBox.appendChild(packRow(p, i, ctx)));
  packBox.appendChild(h('div', { class: 'button-row' }, textButton('add-pack', t.addPack, 'add')));
  payRows.push(packBox);
  form.appendChild(section('payment', t.secPayment, ctx, '$.payment', ...payRows));
  return form;
}
