// Hover over TRTC configuration (an enterRoom / createClient / join call, its params, a scene, role or
// resolution constant, a profile string, a server API call): the room's estimate and why, or why there is none.
import * as vscode from 'vscode';
import { estimateRoom, scenarioOf } from './logic/analysis';
import { driverHoverAt } from './logic/levers';
import { hoverAt } from './logic/cache';
import { notesHover, pick, skippedHover } from './logic/present';
import type { ConfigService } from './config';
import type { OpenEditorAnalyses } from './openEditors';
import type { WorkspaceIndex } from './workspaceIndex';
import { localizer } from './l10n';

/** Commands a hover may run through its links. */
const ENABLED_COMMANDS = ['workbench.action.openSettings', 'trtcCost.openScenarioFile', 'trtcCost.openCalculator', 'trtcCost.assignCallSite'];

/** A word that looks like TRTC configuration: used only to explain why a skipped file has no hover estimate. */
const TRTC_WORD = /^(enterRoom|createClient|join|TRTC\w*|trtc\w*|TUI\w*Kit|startLocalVideo|setVideoEncoderParam|startScreenShare\w*)$/;

export function commandUri(command: string, args?: unknown[]): string {
  return args === undefined ? `command:${command}` : `command:${command}?${encodeURIComponent(JSON.stringify(args))}`;
}

export class RoomHoverProvider implements vscode.HoverProvider {
  constructor(
    private readonly analyses: OpenEditorAnalyses,
    private readonly config: ConfigService,
    private readonly index: WorkspaceIndex,
  ) {}

  provideHover(doc: vscode.TextDocument, pos: vscode.Position, token: vscode.CancellationToken): vscode.Hover | undefined {
    if (!this.config.settings.hoverEnabled) return undefined;
    const loc = localizer();
    const eligible = this.analyses.check(doc);
    if (!eligible.ok) {
      if (eligible.reason === 'unsupported') return undefined;
      const wordRange = doc.getWordRangeAtPosition(pos);
      if (!wordRange || !TRTC_WORD.test(doc.getText(wordRange))) return undefined;
      return new vscode.Hover(
        this.markdown(skippedHover(eligible.reason, eligible.detail, commandUri('workbench.action.openSettings', ['trtcCost']), loc)),
        wordRange,
      );
    }
    const a = this.analyses.current(doc, token);
    if (!a) return undefined;
    const ctx = this.config.context;
    const found = hoverAt(this.index.roomsOf(a), pos.line, pos.character, ctx, loc, (room, est) => ({
      settings: commandUri('workbench.action.openSettings', ['trtcCost.assumptions']),
      scenarioFile: commandUri('trtcCost.openScenarioFile', [{ uri: a.uri, index: room.index }]),
      calculator: est.ok && room.room ? commandUri('trtcCost.openCalculator', [scenarioOf([room.room], ctx, room.room.name)]) : undefined,
      assign: room.logical ? commandUri('trtcCost.assignCallSite', [{ key: room.key }]) : undefined,
    }));
    if (!found) {
      const rooms = this.index.roomsOf(a);
      const file = rooms[0] ? rooms[0].key.slice(0, rooms[0].key.lastIndexOf(':')) : undefined;
      const driver = file ? driverHoverAt(rooms, file, pos.line, (r) => estimateRoom(r, ctx), loc) : undefined;
      if (driver) return new vscode.Hover(this.markdown(driver), doc.lineAt(pos.line).range);
      return this.notesHover(
        doc,
        pos,
        a.notes.map((n) => pick(n.text, loc)),
      );
    }
    const r = found.room.detected.range;
    const range = new vscode.Range(r.start.line, r.start.character, r.end.line, r.end.character);
    return new vscode.Hover(this.markdown(found.markdown), range.contains(pos) ? range : undefined);
  }

  /** Detection left notes (e.g. it failed on this file): say so when hovering over a TRTC word. */
  private notesHover(doc: vscode.TextDocument, pos: vscode.Position, notes: string[]): vscode.Hover | undefined {
    if (!notes.length) return undefined;
    const wordRange = doc.getWordRangeAtPosition(pos);
    if (!wordRange || !TRTC_WORD.test(doc.getText(wordRange))) return undefined;
    return new vscode.Hover(this.markdown(notesHover(notes, localizer())), wordRange);
  }

  private markdown(value: string): vscode.MarkdownString {
    const md = new vscode.MarkdownString(value, true);
    md.isTrusted = { enabledCommands: ENABLED_COMMANDS };
    return md;
  }
}
