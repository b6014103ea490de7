// The scenario editor: price book, period, rooms (groups, add-ons), payment. A template of the scenario
// value; lit-html patches the DOM, so the field being typed in keeps its focus, caret and scroll.
import * as l10n from '@vscode/l10n';
import { serviceLabel } from '../labels';
import { html, noChange, nothing, type TemplateResult } from 'lit-html';
import type { Action } from '../actions';
import {
  RESOLUTION_PRESETS,
  groupNames,
  idFor,
  isObject,
  isPreset,
  pathString,
  resolutionText,
  splitResolution,
  type JsonObject,
  type Path,
} from '../jsonPath';
import { CUSTOM_EDITION_ID, PACKAGE_EDITIONS, feeOn, type PackageEdition } from '../../core';
import type { PackageLineModel } from '../compute';
import { currentLocale, tx } from '../labels';
import { checkbox, field, iconButton, select, setTo, str, textButton, textInput, type FieldCtx, type OptGroup, type Option } from './fields';

export interface FormCtx extends FieldCtx {
  customRes: ReadonlySet<string>;
  customPack: ReadonlySet<string>;
  closed: ReadonlySet<string>;
  /** A group name field got focus: remember its name, so a rename can follow into receive lists. */
  renameStart(path: string, name: string): void;
  /** …and lost it after a change. */
  renameEnd(path: Path, to: string): void;
  /** Open the code a room came from (the host does). */
  reveal(room: number): void;
  /**
   * True when the room's card in the DOM already shows exactly this (`key`: the room and what it depends on;
   * the caller adds the room's problems and choices): the card is then kept as it is, not rebuilt.
   */
  keepRoom(room: number, key: string): boolean;
  /** The package fee lines of the estimate shown (by package index), when it is the current inputs' estimate. */
  packageLines?: Readonly<Record<number, PackageLineModel>>;
}

const FIXED_PACKS = [25000, 250000, 1000000, 3000000];
const SERVICES = ['video-call', 'voice-call', 'video-live', 'voice-live'];

/** A card (room, group, pack): a labelled group with a header row holding its title and actions. */
function card(
  path: string,
  cls: string,
  title: unknown,
  actions: unknown[],
  body: unknown[],
  attrs: { room?: number; group?: number; pack?: number; id?: string } = {},
  level: 'h3' | 'h4' = 'h3',
): TemplateResult {
  const id = idFor(path, '-title');
  const head = level === 'h3' ? html`<h3 id=${id} class="card-title">${title}</h3>` : html`<h4 id=${id} class="card-title">${title}</h4>`;
  return html`<div
    class="card ${cls}"
    role="group"
    aria-labelledby=${id}
    id=${attrs.id ?? nothing}
    data-room=${attrs.room ?? nothing}
    data-group=${attrs.group ?? nothing}
    data-pack=${attrs.pack ?? nothing}
  >
    <div class="card-head">
      ${head}
      <div class="card-actions">${actions}</div>
    </div>
    ${body}
  </div>`;
}

function section(ctx: FormCtx, key: string, title: string, path: string, body: unknown[]): TemplateResult {
  const open = !ctx.closed.has(key);
  return html`<details
    class="section"
    data-section=${key}
    .open=${open}
    @toggle=${(e: Event) => {
      const now = (e.currentTarget as HTMLDetailsElement).open;
      if (now !== open) ctx.dispatch({ type: 'toggle-section', key, open: now });
    }}
  >
    <summary><h2>${title}</h2></summary>
    ${ctx.placement.slot(path, 'section-error')}${body}
  </details>`;
}

/** A resolution picker: Off / SDK presets / custom W×H (two inputs composing "WxH"). */
function resolutionField(ctx: FormCtx, label: string, path: Path, value: unknown, offLabel: string | null, help?: string): TemplateResult {
  const p = pathString(path);
  const text = value === undefined || value === null ? '' : (resolutionText(value) ?? str(value));
  const custom = text !== '' && (ctx.customRes.has(p) || !isPreset(text));
  const groups = new Map<string, OptGroup>();
  for (const preset of RESOLUTION_PRESETS) {
    let g = groups.get(preset.group);
    if (!g) groups.set(preset.group, (g = { group: preset.group, options: [] }));
    g.options.push([preset.value, preset.label]);
  }
  const options: (Option | OptGroup)[] = [];
  if (offLabel !== null) options.push(['', offLabel]);
  options.push(...groups.values(), ['custom', l10n.t('Custom W×H…')]);
  const sel = select(ctx, path, custom ? 'custom' : text, options, (choice) => ({ type: 'set-resolution', path, choice }), 'res-select', { help: !!help });
  let parts: TemplateResult | typeof nothing = nothing;
  if (custom) {
    const [w0, h0] = splitResolution(value) ?? ['', ''];
    // The two inputs as typed, while they still compose the value.
    const dw = ctx.draft(p, 'w');
    const dh = ctx.draft(p, 'h');
    const keep = dw !== undefined && dh !== undefined && `${dw.trim()}x${dh.trim()}` === value;
    const w = keep ? dw : w0;
    const hh = keep ? dh : h0;
    const onInput = (e: Event): void => {
      const box = (e.currentTarget as HTMLElement).closest('.res-custom');
      const wt = box?.querySelector<HTMLInputElement>('[data-kind="res-w"]')?.value ?? '';
      const ht = box?.querySelector<HTMLInputElement>('[data-kind="res-h"]')?.value ?? '';
      ctx.dispatch({ type: 'set-field', path, value: `${wt.trim()}x${ht.trim()}`, typing: true, typed: { w: wt, h: ht } });
    };
    const input = (kind: 'res-w' | 'res-h', v: string, aria: string) =>
      html`<input
        id=${idFor(p, kind === 'res-w' ? '-w' : '-h')}
        type="text"
        inputmode="numeric"
        class="num"
        size="5"
        data-path=${p}
        data-kind=${kind}
        .value=${v}
        aria-label=${aria}
        aria-describedby=${idFor(p, '-err')}
        aria-invalid=${ctx.placement.invalidAttr(p)}
        autocomplete="off"
        @input=${onInput}
      />`;
    parts = html`<div class="res-custom">
      ${input('res-w', w, l10n.t('{0} width', label))}<span class="times" aria-hidden="true">×</span>${input('res-h', hh, l10n.t('{0} height', label))}
    </div>`;
  }
  return html`<div class="field res">
    <label for=${idFor(p)}>${label}</label
    >${sel}${parts}${help ? html`<div class="help" id=${idFor(p, '-help')}>${help}</div>` : nothing}${ctx.placement.slot(p)}
  </div>`;
}

function receiveField(ctx: FormCtx, room: unknown, ri: number, gi: number, g: JsonObject): TemplateResult {
  const path: Path = ['rooms', ri, 'participants', gi, 'receive'];
  const p = pathString(path);
  const r = g.receive;
  const kind = r === 'all' || r === 'audio-only' || r === 'none' ? r : isObject(r) ? 'some' : r === undefined ? 'all' : 'invalid';
  const opts: Option[] = [
    ['all', l10n.t('Everyone’s video and audio')],
    ['audio-only', l10n.t('Audio only')],
    ['none', l10n.t('Nothing (publish only)')],
    ['some', l10n.t('Only some groups…')],
  ];
  if (kind === 'invalid') opts.unshift(['invalid', str(r)]);
  const sel = select(ctx, path, kind, opts, (choice) => ({ type: 'set-receive', path, choice }), 'receive');
  let more: unknown = nothing;
  if (isObject(r)) {
    const names = groupNames(room);
    const own = names[gi];
    const from = Array.isArray(r.from) ? r.from.map(str) : [];
    const fromPath: Path = [...path, 'from'];
    const toggle =
      (name: string) =>
      (on: boolean): Action => ({ type: 'toggle-receive-from', path: fromPath, name, on });
    const boxes = [
      ...names.map((n, i) =>
        i === gi && n === own ? nothing : checkbox(ctx, fromPath, from.includes(n), n, toggle(n), 'receive-from', { name: n, idx: String(i) }),
      ),
      ...from.map((n, i) => (names.includes(n) ? nothing : checkbox(ctx, fromPath, true, n, toggle(n), 'receive-from', { name: n, idx: `x${i}` }))),
    ];
    const stream = str(r.stream) || 'big';
    more = html`<fieldset class="from-list">
        <legend>${l10n.t('Video from')}</legend>
        ${boxes}${ctx.placement.slot(pathString(fromPath))}
      </fieldset>
      <div class="row">
        ${field(
          ctx,
          l10n.t('Stream'),
          pathString([...path, 'stream']),
          select(
            ctx,
            [...path, 'stream'],
            stream,
            [
              ['big', l10n.t('Big (main) stream')],
              ['small', l10n.t('Small stream')],
            ],
            setTo([...path, 'stream']),
          ),
        )}
        <div class="field">
          ${checkbox(ctx, [...path, 'screen'], r.screen === true, l10n.t('Their screen share too'), (on) => ({
            type: 'set-field',
            path: [...path, 'screen'],
            value: on,
          }))}${ctx.placement.slot(pathString([...path, 'screen']))}
        </div>
      </div>`;
  }
  return html`<div class="field receive grow"><label for=${idFor(p)}>${l10n.t('Receives')}</label>${sel}${more}${ctx.placement.slot(p)}</div>`;
}

function groupCard(ctx: FormCtx, room: JsonObject, ri: number, g: unknown, gi: number): TemplateResult {
  const base: Path = ['rooms', ri, 'participants', gi];
  const gp = pathString(base);
  const grp: JsonObject = isObject(g) ? g : {};
  const name = groupNames(room)[gi] ?? `group ${gi + 1}`;
  // An unnamed group is "group N" to the engine; on screen it is the numbered group in the panel's language.
  const named = isObject(g) && typeof g.name === 'string' && g.name.trim() !== '';
  const role = str(grp.role) || 'anchor';
  const publish: JsonObject = isObject(grp.publish) ? grp.publish : {};
  const namePath = [...base, 'name'];
  const nameInput = textInput(ctx, namePath, grp.name, 'text', {
    placeholder: l10n.t('group {0}', gi + 1),
    size: 14,
    onFocus: (e) => {
      const el = e.currentTarget as HTMLInputElement;
      ctx.renameStart(pathString(namePath), el.value || el.placeholder);
    },
    onChange: (e) => ctx.renameEnd(namePath, (e.currentTarget as HTMLInputElement).value),
  });
  // Audience members publish nothing (until they become anchors): their video pickers are hidden unless set.
  const publishesVideo = ['camera', 'screen', 'smallStream'].some((k) => publish[k] !== undefined && publish[k] !== null);
  const pub =
    role === 'anchor' || publishesVideo
      ? html`<div class="row publish">
          ${resolutionField(ctx, l10n.t('Camera'), [...base, 'publish', 'camera'], publish.camera, l10n.t('Off'))}${resolutionField(
            ctx,
            l10n.t('Screen share'),
            [...base, 'publish', 'screen'],
            publish.screen,
            l10n.t('Off'),
          )}${resolutionField(ctx, l10n.t('Small stream (dual-stream encoding)'), [...base, 'publish', 'smallStream'], publish.smallStream, l10n.t('Off'))}
        </div>`
      : html`<p class="help">${l10n.t('Audience members publish no video; make the group anchors to let them publish.')}</p>`;
  const audioPath: Path = [...base, 'publish', 'audio'];
  return card(
    gp,
    'group',
    named ? l10n.t('Group {0}: {1}', gi + 1, name) : l10n.t('Group {0}', gi + 1),
    [
      iconButton(l10n.t('Remove group {0}', name), 'trash', () => ctx.dispatch({ type: 'remove-group', room: ri, index: gi }), {
        action: 'remove-group',
        room: ri,
        index: gi,
      }),
    ],
    [
      ctx.placement.slot(gp, 'section-error'),
      html`<div class="row">
        ${field(ctx, l10n.t('Group name'), pathString(namePath), nameInput)}
        ${field(ctx, l10n.t('People'), pathString([...base, 'count']), textInput(ctx, [...base, 'count'], grp.count, 'num', { size: 6 }))}
        ${field(
          ctx,
          l10n.t('Role'),
          pathString([...base, 'role']),
          select(
            ctx,
            [...base, 'role'],
            role,
            [
              ['anchor', l10n.t('Anchor (publishes)')],
              ['audience', l10n.t('Audience')],
            ],
            (r) => ({ type: 'set-role', path: base, role: r }),
            'role',
          ),
        )}
        ${field(
          ctx,
          l10n.t('Minutes in room'),
          pathString([...base, 'minutesInRoom']),
          textInput(ctx, [...base, 'minutesInRoom'], grp.minutesInRoom, 'num', {
            size: 6,
            help: true,
            placeholder: typeof room.minutesPerSession === 'number' ? String(room.minutesPerSession) : '',
          }),
          { help: l10n.t('Empty: the whole session.'), quietHelp: true },
        )}
      </div>`,
      pub,
      ctx.placement.slot(pathString([...base, 'publish'])),
      html`<div class="row">
        ${receiveField(ctx, room, ri, gi, grp)}
        <div class="field audio-field">
          <span class="label-spacer" aria-hidden="true"> </span>${checkbox(
            ctx,
            audioPath,
            typeof publish.audio === 'boolean' ? publish.audio : role === 'anchor',
            l10n.t('Publishes audio'),
            (on) => ({
              type: 'set-field',
              path: audioPath,
              value: on,
            }),
          )}${ctx.placement.slot(pathString(audioPath))}
        </div>
      </div>`,
    ],
    { group: gi },
    'h4',
  );
}

function optionalBlock(
  ctx: FormCtx,
  key: 'recording' | 'mixTranscoding' | 'relay',
  title: string,
  room: JsonObject,
  ri: number,
  body: (v: JsonObject) => unknown[],
): TemplateResult {
  const path: Path = ['rooms', ri, key];
  const v = room[key];
  const on = isObject(v);
  return html`<div class="addon${on ? ' on' : ''}">
    ${checkbox(
      ctx,
      path,
      on,
      title,
      (now) => ({ type: 'toggle-addon', path, on: now }),
      'addon',
    )}${on ? html`<div class="row">${body(v)}</div>` : nothing}${ctx.placement.slot(pathString(path))}
  </div>`;
}

function roomCard(ctx: FormCtx, room: unknown, ri: number, total: number, periodDays: unknown): TemplateResult {
  const base: Path = ['rooms', ri];
  const rp = pathString(base);
  const r: JsonObject = isObject(room) ? room : {};
  const name = str(r.name) || `${l10n.t('Room')} ${ri + 1}`;
  const service = str(r.service) || 'video-call';
  const d = ctx.dispatch;
  const actions: unknown[] = [];
  const source = isObject(r.source) ? r.source : undefined;
  if (source && typeof source.file === 'string' && typeof source.line === 'number') {
    actions.push(
      textButton(l10n.t('Go to code'), 'goto', () => ctx.reveal(ri), { action: 'reveal', room: ri }, 'link', {
        title: l10n.t('Open {0}:{1}', source.file, source.line),
      }),
    );
  }
  if (ri > 0)
    actions.push(
      iconButton(l10n.t('Move {0} up', name), 'up', () => d({ type: 'move-room', index: ri, dir: -1 }), { action: 'move-room', index: ri, dir: -1 }),
    );
  if (ri < total - 1)
    actions.push(
      iconButton(l10n.t('Move {0} down', name), 'down', () => d({ type: 'move-room', index: ri, dir: 1 }), { action: 'move-room', index: ri, dir: 1 }),
    );
  actions.push(iconButton(l10n.t('Duplicate room {0}', name), 'duplicate', () => d({ type: 'duplicate-room', index: ri }), { action: 'dup-room', index: ri }));
  actions.push(iconButton(l10n.t('Remove room {0}', name), 'trash', () => d({ type: 'remove-room', index: ri }), { action: 'remove-room', index: ri }));
  const svcOpts: Option[] = SERVICES.map((s) => [s, serviceLabel(s) ?? s]);
  if (!SERVICES.includes(service)) svcOpts.unshift([service, service]);
  const groups = Array.isArray(r.participants) ? r.participants : [];
  const p = (...k: string[]) => pathString([...base, ...k]);
  const rec = (v: JsonObject) => {
    const q: Path = [...base, 'recording'];
    return [
      field(
        ctx,
        l10n.t('Mode'),
        pathString([...q, 'mode']),
        select(
          ctx,
          [...q, 'mode'],
          str(v.mode) || 'mixed',
          [
            ['mixed', l10n.t('Mixed (one file)')],
            ['single', l10n.t('Single stream (one file per stream)')],
          ],
          setTo([...q, 'mode']),
        ),
      ),
      field(
        ctx,
        l10n.t('Content'),
        pathString([...q, 'content']),
        select(
          ctx,
          [...q, 'content'],
          str(v.content) || 'audio-video',
          [
            ['audio-video', l10n.t('Audio and video')],
            ['audio-only', l10n.t('Audio only')],
          ],
          setTo([...q, 'content']),
        ),
      ),
      resolutionField(ctx, l10n.t('Output resolution'), [...q, 'output'], v.output, l10n.t('Largest input')),
      field(ctx, l10n.t('Tasks per session'), pathString([...q, 'tasks']), textInput(ctx, [...q, 'tasks'], v.tasks, 'num', { size: 4, placeholder: '1' })),
    ];
  };
  const mix = (v: JsonObject) => {
    const q: Path = [...base, 'mixTranscoding'];
    return [
      field(
        ctx,
        l10n.t('Codec'),
        pathString([...q, 'codec']),
        select(
          ctx,
          [...q, 'codec'],
          str(v.codec) || 'h264',
          [
            ['h264', 'H.264'],
            ['h265', 'H.265'],
          ],
          setTo([...q, 'codec']),
        ),
      ),
      resolutionField(ctx, l10n.t('Output'), [...q, 'output'], v.output, l10n.t('Audio only')),
      field(ctx, l10n.t('Tasks per session'), pathString([...q, 'tasks']), textInput(ctx, [...q, 'tasks'], v.tasks, 'num', { size: 4, placeholder: '1' })),
      html`<p class="help wide">
        ${l10n.t(
          // eslint-disable-next-line max-len -- a translator key stays one literal (the l10n test reads it whole)
          'The price book decides the basis: since 2022-06 the international site bills the mixed inputs (their pixel sum); older rules and the mainland bill the output.',
        )}
      </p>`,
    ];
  };
  const relay = (v: JsonObject) => {
    const q: Path = [...base, 'relay'];
    const target = str(v.target) || 'tencent-css';
    return [
      field(
        ctx,
        l10n.t('Target'),
        pathString([...q, 'target']),
        select(
          ctx,
          [...q, 'target'],
          target,
          [
            ['tencent-css', l10n.t('Tencent Cloud CSS (no TRTC fee)')],
            ['third-party', l10n.t('Third-party CDN (billed by peak bandwidth)')],
          ],
          setTo([...q, 'target']),
        ),
      ),
      target === 'third-party'
        ? field(ctx, l10n.t('Monthly peak (Mbps)'), pathString([...q, 'peakMbps']), textInput(ctx, [...q, 'peakMbps'], v.peakMbps, 'num', { size: 6 }))
        : nothing,
    ];
  };
  return card(
    rp,
    'room',
    [html`<span class="room-index">${ri + 1}</span>`, html`<span class="room-title">${name}</span>`],
    actions,
    [
      ctx.placement.slot(rp, 'section-error'),
      html`<div class="row">
        ${field(ctx, l10n.t('Room name'), p('name'), textInput(ctx, [...base, 'name'], r.name, 'text'), { cls: 'grow' })}
        ${field(ctx, l10n.t('Service'), p('service'), select(ctx, [...base, 'service'], service, svcOpts, setTo([...base, 'service'])))}
      </div>`,
      html`<div class="row">
        ${field(ctx, l10n.t('Sessions per day'), p('sessionsPerDay'), textInput(ctx, [...base, 'sessionsPerDay'], r.sessionsPerDay, 'num', { size: 7 }))}
        ${field(
          ctx,
          l10n.t('Minutes per session'),
          p('minutesPerSession'),
          textInput(ctx, [...base, 'minutesPerSession'], r.minutesPerSession, 'num', { size: 7 }),
        )}
        ${field(
          ctx,
          l10n.t('Days per month'),
          p('daysPerMonth'),
          textInput(ctx, [...base, 'daysPerMonth'], r.daysPerMonth, 'num', {
            size: 5,
            help: true,
            placeholder: typeof periodDays === 'number' ? String(periodDays) : '30',
          }),
          { help: l10n.t('Empty: every day of the period.'), quietHelp: true },
        )}
      </div>`,
      html`<div class="groups">
        <h3>${l10n.t('Participant groups')}</h3>
        ${ctx.placement.slot(p('participants'), 'section-error')}${groups.map((g, gi) => groupCard(ctx, r, ri, g, gi))}
        <div class="button-row">
          ${textButton(l10n.t('Add publishers'), 'add', () => d({ type: 'add-group', room: ri, role: 'anchor' }), {
            action: 'add-group',
            room: ri,
            role: 'anchor',
          })}
          ${textButton(l10n.t('Add audience'), 'add', () => d({ type: 'add-group', room: ri, role: 'audience' }), {
            action: 'add-group',
            room: ri,
            role: 'audience',
          })}
        </div>
      </div>`,
      html`<div class="addons">
        ${optionalBlock(ctx, 'recording', l10n.t('Cloud recording'), r, ri, rec)}${optionalBlock(
          ctx,
          'mixTranscoding',
          l10n.t('Cloud mix-transcoding'),
          r,
          ri,
          mix,
        )}${optionalBlock(ctx, 'relay', l10n.t('Relay to CDN'), r, ri, relay)}
      </div>`,
    ],
    { room: ri, id: idFor(rp) + '-card' },
  );
}

function packRow(ctx: FormCtx, pack: unknown, i: number): TemplateResult {
  const base: Path = ['payment', 'packs', i];
  const pk: JsonObject = isObject(pack) ? pack : {};
  const minutes = pk.minutes;
  const sizePath: Path = [...base, 'minutes'];
  const sizeKey = pathString(sizePath);
  const custom = ctx.customPack.has(sizeKey) || !(typeof minutes === 'number' && FIXED_PACKS.includes(minutes));
  const sizeId = idFor(sizeKey, '-size');
  const sizeSel = select(
    ctx,
    sizePath,
    custom ? 'custom' : String(minutes),
    [...FIXED_PACKS.map((m) => [String(m), m.toLocaleString('en-US')] as const), ['custom', l10n.t('Custom size…')] as const],
    (choice) => ({ type: 'set-pack-size', path: sizePath, choice }),
    'pack-size',
    { id: sizeId },
  );
  return card(
    pathString(base),
    'pack',
    `${l10n.t('Pack')} ${i + 1}`,
    [iconButton(l10n.t('Remove pack {0}', i + 1), 'trash', () => ctx.dispatch({ type: 'remove-pack', index: i }), { action: 'remove-pack', index: i })],
    [
      ctx.placement.slot(pathString(base), 'section-error'),
      html`<div class="row">
        <div class="field"><label for=${sizeId}>${l10n.t('Size (minutes)')}</label>${sizeSel}</div>
        ${custom ? field(ctx, l10n.t('Custom size in minutes'), sizeKey, textInput(ctx, sizePath, minutes, 'num', { size: 9 })) : ctx.placement.slot(sizeKey)}
        ${field(ctx, l10n.t('Purchased'), pathString([...base, 'purchased']), textInput(ctx, [...base, 'purchased'], pk.purchased, 'date'))}
        ${field(
          ctx,
          l10n.t('Minutes left at period start'),
          pathString([...base, 'remaining']),
          textInput(ctx, [...base, 'remaining'], pk.remaining, 'num', { size: 9 }),
        )}
        ${field(
          ctx,
          l10n.t('Kind'),
          pathString([...base, 'kind']),
          select(
            ctx,
            [...base, 'kind'],
            str(pk.kind),
            [
              ['', l10n.t('General')],
              ['audio', l10n.t('Audio only (2019)')],
              ['SD', l10n.t('SD only (2019)')],
              ['HD', l10n.t('HD only (2019)')],
            ],
            setTo([...base, 'kind']),
          ),
        )}
      </div>`,
    ],
    { pack: i },
    'h4',
  );
}

/** The editions a package may take in this price book (the engine's list), and "custom". */
function editionOptions(region: string, current: string): Option[] {
  const loc = currentLocale();
  const opts: Option[] = PACKAGE_EDITIONS.filter((e) => e.region === region).map((e) => [e.id, tx(e.name, loc)] as const);
  opts.push([CUSTOM_EDITION_ID, l10n.t('Custom offer…')]);
  if (current && !opts.some((o) => o[0] === current)) opts.unshift([current, current]);
  return opts;
}

/** The published fee today-ish (for the period start, else the newest), as the placeholder of the fee input. */
function publishedFee(e: PackageEdition | undefined, date: string): string | undefined {
  if (!e || e.fees.length === 0) return undefined;
  return (date ? feeOn(e, date) : undefined)?.fee ?? e.fees[e.fees.length - 1]!.fee;
}

function packageCard(ctx: FormCtx, pkg: unknown, i: number, region: string, periodStart: string, prices: JsonObject): TemplateResult {
  const base: Path = ['payment', 'packages', i];
  const bp = pathString(base);
  const pk: JsonObject = isObject(pkg) ? pkg : {};
  const edition = str(pk.edition);
  const custom = edition === CUSTOM_EDITION_ID;
  const e = custom ? undefined : PACKAGE_EDITIONS.find((x) => x.id === edition);
  const known = isObject(prices[edition]) ? (prices[edition] as JsonObject) : undefined;
  const fee = publishedFee(e, periodStart);
  const feeNeeded = (custom || (!!e && e.fees.length === 0)) && !known;
  const minutesNeeded = (custom || (!!e && e.minutes === null)) && !known;
  const title = custom ? str(pk.name) || l10n.t('Custom offer') : e ? tx(e.name, currentLocale()) : edition || l10n.t('Package');
  const p = (k: string) => pathString([...base, k]);
  const line = ctx.packageLines?.[i];
  const placeholderFee = fee ?? (known && typeof known.fee === 'number' ? String(known.fee) : '');
  const placeholderMin = e?.minutes != null ? String(e.minutes) : known && typeof known.minutes === 'number' ? String(known.minutes) : '';
  const need = l10n.t('Not published: enter your price (the estimate marks it as yours).');
  return card(
    bp,
    'pack package',
    `${l10n.t('Package')} ${i + 1}: ${title}`,
    [
      iconButton(l10n.t('Remove package {0}', i + 1), 'trash', () => ctx.dispatch({ type: 'remove-package', index: i }), {
        action: 'remove-package',
        index: i,
      }),
    ],
    [
      ctx.placement.slot(bp, 'section-error'),
      html`<div class="row">
        ${field(
          ctx,
          l10n.t('Edition'),
          p('edition'),
          select(ctx, [...base, 'edition'], edition, editionOptions(region, edition), setTo([...base, 'edition']), 'edition'),
          { cls: 'grow' },
        )}
        ${field(ctx, l10n.t('App (SDKAppID)'), p('app'), textInput(ctx, [...base, 'app'], pk.app, 'text', { size: 12, placeholder: l10n.t('this app') }))}
        ${field(ctx, l10n.t('Purchased'), p('purchased'), textInput(ctx, [...base, 'purchased'], pk.purchased, 'date', { help: true }), {
          help: l10n.t('Empty: the period start.'),
          quietHelp: true,
        })}
      </div>`,
      html`<div class="row">
        ${field(
          ctx,
          feeNeeded ? l10n.t('Monthly fee (required)') : l10n.t('Monthly fee'),
          p('fee'),
          textInput(ctx, [...base, 'fee'], pk.fee, 'num', { size: 8, placeholder: placeholderFee, help: true }),
          { help: feeNeeded ? need : l10n.t('Empty: the published fee.'), quietHelp: !feeNeeded },
        )}
        ${field(
          ctx,
          minutesNeeded ? l10n.t('Minutes a month (required)') : l10n.t('Minutes a month'),
          p('minutes'),
          textInput(ctx, [...base, 'minutes'], pk.minutes, 'num', { size: 9, placeholder: placeholderMin, help: true }),
          { help: minutesNeeded ? need : l10n.t('Empty: the published minutes.'), quietHelp: !minutesNeeded },
        )}
        ${e?.mau ? field(ctx, l10n.t('Chat monthly active users'), p('mau'), textInput(ctx, [...base, 'mau'], pk.mau, 'num', { size: 8 })) : nothing}
        ${custom ? field(ctx, l10n.t('Name'), p('name'), textInput(ctx, [...base, 'name'], pk.name, 'text', { size: 14 })) : nothing}
      </div>`,
      html`<div class="field wide">
        ${checkbox(ctx, [...base, 'renew'], pk.renew !== false, l10n.t('Renewed every month'), (on) => ({
          type: 'set-field',
          path: [...base, 'renew'],
          value: on ? undefined : false,
        }))}${ctx.placement.slot(p('renew'))}
      </div>`,
      e?.note ? html`<p class="help">${tx(e.note, currentLocale())}</p>` : nothing,
      line
        ? html`<div class="package-line${line.userPrice ? ' user-price' : ''}" data-testid="package-line">
            <p><strong>${line.label}</strong>: ${line.amount}</p>
            <ul class="explain">
              ${line.explanation.map((x) => html`<li>${x}</li>`)}
            </ul>
          </div>`
        : nothing,
    ],
    { pack: i },
    'h4',
  );
}

/** The edition a new package starts with: a published, pay-as-you-go one of the price book. */
function defaultEdition(region: string): string {
  return (PACKAGE_EDITIONS.find((e) => e.region === region && e.fees.length > 0 && e.afterQuota === 'pay-as-you-go') ?? { id: CUSTOM_EDITION_ID }).id;
}

export function formView(value: unknown, ctx: FormCtx): TemplateResult {
  const v: JsonObject = isObject(value) ? value : {};
  const tariff: JsonObject = isObject(v.tariff) ? v.tariff : {};
  const period: JsonObject = isObject(v.period) ? v.period : {};
  const payment: JsonObject = isObject(v.payment) ? v.payment : {};
  const contract: JsonObject = isObject(tariff.contract) ? tariff.contract : {};
  const d = ctx.dispatch;

  const region = str(tariff.region) || 'international';
  const regionOpts: Option[] = [
    ['international', l10n.t('International (USD, tencentcloud.com / trtc.io)')],
    ['mainland', l10n.t('Mainland China (CNY, cloud.tencent.com)')],
  ];
  if (region !== 'international' && region !== 'mainland') regionOpts.unshift([region, region]);
  const robots: Path = ['tariff', 'robotsBilled'];
  const tariffBody = [
    html`<div class="row">
      ${field(ctx, l10n.t('Price book'), '$.tariff.region', select(ctx, ['tariff', 'region'], region, regionOpts, setTo(['tariff', 'region'])), {
        cls: 'grow',
      })}
    </div>`,
    html`<div class="row">
      ${field(
        ctx,
        l10n.t('First app created (account)'),
        '$.tariff.accountCreated',
        textInput(ctx, ['tariff', 'accountCreated'], tariff.accountCreated, 'date', { help: true }),
        {
          help: l10n.t('Decides the metering model (aggregate from 2021-10-27 on the international site) and the default settlement (daily from 2020-09-01).'),
          cls: 'grow',
        },
      )}
      ${field(ctx, l10n.t('This app created'), '$.tariff.appCreated', textInput(ctx, ['tariff', 'appCreated'], tariff.appCreated, 'date', { help: true }), {
        help: l10n.t('Decides the cloud recording rules (mainland: per input stream from 2022-07-20).'),
        cls: 'grow',
      })}
    </div>`,
    html`<div class="row">
      ${field(
        ctx,
        l10n.t('Metering'),
        '$.tariff.metering',
        select(
          ctx,
          ['tariff', 'metering'],
          str(tariff.metering),
          [
            ['', l10n.t('As the dates imply')],
            ['per-stream', l10n.t('Per stream (each received stream at its own tier)')],
            ['aggregate', l10n.t('Aggregate (one tier per user from the pixel sum)')],
          ],
          setTo(['tariff', 'metering']),
        ),
        { cls: 'grow' },
      )}
      ${field(
        ctx,
        l10n.t('Contract discount (% off list)'),
        '$.tariff.contract.discountPercent',
        textInput(ctx, ['tariff', 'contract', 'discountPercent'], contract.discountPercent, 'num', { size: 5, placeholder: '0' }),
      )}
    </div>`,
    html`<div class="field wide">
      ${checkbox(ctx, robots, tariff.robotsBilled !== false, l10n.t('Bill the recording and relay robots’ own audio/video minutes'), (on) => ({
        type: 'set-field',
        path: robots,
        value: on,
      }))}
      <div class="help">${l10n.t('TRTC’s documents disagree on this; on by default.')}</div>
      ${ctx.placement.slot('$.tariff.robotsBilled')}
    </div>`,
    isObject(contract.prices) && Object.keys(contract.prices).length > 0
      ? [
          html`<p class="help">
            ${l10n.t('{0} contract unit price(s) from the file are applied (edit them in the JSON).', Object.keys(contract.prices).length)}
          </p>`,
          ctx.placement.slot('$.tariff.contract.prices'),
        ]
      : nothing,
    ctx.placement.slot('$.tariff.contract'),
  ];

  const periodBody = [
    html`<div class="row">
      ${field(ctx, l10n.t('Start date'), '$.period.start', textInput(ctx, ['period', 'start'], period.start, 'date', { help: true }), {
        help: l10n.t('Empty: the first day of this month.'),
      })}
      ${field(ctx, l10n.t('Days'), '$.period.days', textInput(ctx, ['period', 'days'], period.days, 'num', { size: 4, placeholder: '30' }))}
    </div>`,
  ];

  const rooms = Array.isArray(v.rooms) ? v.rooms : [];
  const roomsBody = [
    ctx.placement.slot('$.rooms', 'section-error'),
    rooms.map((r, i) => {
      // A room whose inputs did not change keeps its DOM (typing in one room of twenty re-renders one card).
      return ctx.keepRoom(i, JSON.stringify([r, rooms.length, period.days])) ? noChange : roomCard(ctx, r, i, rooms.length, period.days);
    }),
    html`<div class="button-row" role="group" aria-label=${l10n.t('Add room')}>
      <span class="button-row-label" aria-hidden="true">${l10n.t('Add room:')}</span>
      ${SERVICES.map((svc) =>
        textButton(serviceLabel(svc) ?? svc, 'add', () => d({ type: 'add-room', service: svc }), { action: 'add-room', service: svc }, 'secondary', {
          ariaLabel: l10n.t('{0}: {1}', l10n.t('Add room'), serviceLabel(svc) ?? svc),
        }),
      )}
    </div>`,
  ];

  const free = payment.freeMinutes;
  const freeKind = free === false ? 'false' : isObject(free) ? 'remaining' : 'true';
  const packs = Array.isArray(payment.packs) ? payment.packs : [];
  const monthly = Array.isArray(payment.packages) ? payment.packages : [];
  const prices: JsonObject = isObject(payment.packagePrices) ? payment.packagePrices : {};
  const payBody = [
    html`<div class="row">
      ${field(
        ctx,
        l10n.t('Postpaid settlement'),
        '$.payment.mode',
        select(
          ctx,
          ['payment', 'mode'],
          str(payment.mode),
          [
            ['', l10n.t('As the account date implies')],
            ['postpaid-daily', l10n.t('Daily (postpaid-daily)')],
            ['postpaid-monthly', l10n.t('Monthly (postpaid-monthly)')],
          ],
          setTo(['payment', 'mode']),
        ),
        { cls: 'grow' },
      )}
      ${field(
        ctx,
        l10n.t('Free minutes'),
        '$.payment.freeMinutes',
        select(
          ctx,
          ['payment', 'freeMinutes'],
          freeKind,
          [
            ['true', l10n.t('The book’s allowance')],
            ['false', l10n.t('None (already used up)')],
            ['remaining', l10n.t('Minutes left of the allowance')],
          ],
          (choice) => ({ type: 'set-free-minutes', path: ['payment', 'freeMinutes'], choice }),
          'free',
        ),
        { cls: 'grow' },
      )}
    </div>`,
    isObject(free)
      ? html`<div class="row">
          ${field(
            ctx,
            l10n.t('Free minutes left'),
            '$.payment.freeMinutes.remaining',
            textInput(ctx, ['payment', 'freeMinutes', 'remaining'], free.remaining, 'num', { size: 9 }),
          )}
        </div>`
      : nothing,
    html`<div class="packs">
      <h3>${l10n.t('Prepaid packs owned')}</h3>
      ${ctx.placement.slot('$.payment.packs', 'section-error')}${
        packs.length === 0
          ? html`<p class="help">${l10n.t('No packs. The estimate’s “Cheapest way to pay” tells you whether buying some would save money.')}</p>`
          : nothing
      }${packs.map((p, i) => packRow(ctx, p, i))}
      <div class="button-row">${textButton(l10n.t('Add pack'), 'add', () => d({ type: 'add-pack' }), { action: 'add-pack' })}</div>
    </div>`,
    html`<div class="packages" data-testid="packages">
      <h3>${l10n.t('Monthly packages')}</h3>
      ${ctx.placement.slot('$.payment.packages', 'section-error')}${
        monthly.length === 0
          ? html`<p class="help">
              ${
                region === 'international'
                  ? l10n.t('No monthly package. Internationally, an app without one is suspended once the free minutes run out.')
                  : l10n.t('No monthly package.')
              }
            </p>`
          : nothing
      }${monthly.map((p, i) => packageCard(ctx, p, i, region, str(period.start), prices))}
      <div class="button-row">
        ${textButton(l10n.t('Add monthly package'), 'add', () => d({ type: 'add-package', edition: defaultEdition(region) }), { action: 'add-package' })}
      </div>
      ${ctx.placement.slot('$.payment.packagePrices')}
    </div>`,
  ];

  return html`<form class="editor" novalidate aria-label=${l10n.t('TRTC Cost Calculator')} @submit=${(e: Event) => e.preventDefault()}>
    ${ctx.placement.slot('$', 'section-error')}
    <div class="row">${field(ctx, l10n.t('Scenario name'), '$.name', textInput(ctx, ['name'], v.name, 'text'), { cls: 'grow' })}</div>
    ${section(ctx, 'tariff', l10n.t('Price book and account'), '$.tariff', tariffBody)}${section(
      ctx,
      'period',
      l10n.t('Period'),
      '$.period',
      periodBody,
    )}${section(ctx, 'rooms', l10n.t('Rooms'), '$.rooms-section', roomsBody)}${section(ctx, 'payment', l10n.t('Payment'), '$.payment', payBody)}
  </form>`;
}
