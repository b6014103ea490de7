// Code actions for savings levers whose change is one literal of the open document (the encoder resolution, the
// screen-share profile): the quick fix rewrites that literal, and its title says what it saves each month, as the
// core computed it by estimating the room with and without the change.
import * as vscode from 'vscode';
import { estimateRoom } from './logic/analysis';
import { leverEdits } from './logic/levers';
import type { ConfigService } from './config';
import type { OpenEditorAnalyses } from './openEditors';
import type { WorkspaceIndex } from './workspaceIndex';
import { localizer } from './l10n';

export class LeverCodeActionProvider implements vscode.CodeActionProvider {
  static readonly kinds = [vscode.CodeActionKind.QuickFix];

  constructor(
    private readonly analyses: OpenEditorAnalyses,
    private readonly config: ConfigService,
    private readonly index: WorkspaceIndex,
  ) {}

  provideCodeActions(
    doc: vscode.TextDocument,
    range: vscode.Range | vscode.Selection,
    _context: vscode.CodeActionContext,
    token: vscode.CancellationToken,
  ): vscode.CodeAction[] {
    if (!this.analyses.check(doc).ok) return [];
    const a = this.analyses.current(doc, token);
    if (!a) return [];
    const ctx = this.config.context;
    const toRange = (r: { start: { line: number; character: number }; end: { line: number; character: number } }) =>
      new vscode.Range(r.start.line, r.start.character, r.end.line, r.end.character);
    const edits = leverEdits(
      this.index.roomsOf(a),
      (r) => estimateRoom(r, ctx),
      a.file,
      { start: { line: range.start.line, character: range.start.character }, end: { line: range.end.line, character: range.end.character } },
      (r) => doc.getText(toRange(r)),
      localizer(),
    );
    return edits.map((e) => {
      const action = new vscode.CodeAction(e.title, vscode.CodeActionKind.QuickFix);
      action.edit = new vscode.WorkspaceEdit();
      action.edit.replace(doc.uri, toRange(e.range), e.newText);
      return action;
    });
  }
}
