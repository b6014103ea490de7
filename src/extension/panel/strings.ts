// Host-side user strings of the calculator panel, in English and Simplified Chinese.
// Chosen by `vscode.env.language` (anything starting with "zh" gets Chinese).

const en = {
  title: 'TRTC Cost Calculator',
  loading: 'Loading the calculator…',
  saveLabel: 'Save scenario',
  openLabel: 'Load scenario',
  exportLabel: 'Export',
  scenarioFilter: 'TRTC scenario',
  jsonFilter: 'JSON',
  csvFilter: 'CSV',
  markdownFilter: 'Markdown',
  overwrite: (name: string) => `"${name}" already exists. Replace it with the calculator's scenario?`,
  overwriteDetail: 'The file on disk will be overwritten.',
  overwriteButton: 'Replace',
  saveAsButton: 'Save As…',
  saved: (name: string) => `Saved ${name}`,
  exported: (name: string) => `Exported ${name}`,
  copied: 'Estimate copied to the clipboard',
  notJson: (name: string, why: string) => `${name} is not valid JSON: ${why}`,
  tooLarge: (name: string) => `${name} is too large to be a scenario file.`,
  readFailed: (name: string, why: string) => `Could not read ${name}: ${why}`,
  writeFailed: (name: string, why: string) => `Could not write ${name}: ${why}`,
  sourceNotFound: (file: string) => `Cannot find ${file} in this workspace.`,
  invalidMessage: 'Ignored an invalid message from the calculator webview',
};

type Strings = typeof en;

const zh: Strings = {
  title: 'TRTC 费用计算器',
  loading: '正在加载计算器…',
  saveLabel: '保存场景',
  openLabel: '加载场景',
  exportLabel: '导出',
  scenarioFilter: 'TRTC 场景',
  jsonFilter: 'JSON',
  csvFilter: 'CSV',
  markdownFilter: 'Markdown',
  overwrite: (name: string) => `“${name}”已存在。要用计算器中的场景替换它吗？`,
  overwriteDetail: '磁盘上的文件将被覆盖。',
  overwriteButton: '替换',
  saveAsButton: '另存为…',
  saved: (name: string) => `已保存 ${name}`,
  exported: (name: string) => `已导出 ${name}`,
  copied: '估算结果已复制到剪贴板',
  notJson: (name: string, why: string) => `${name} 不是有效的 JSON：${why}`,
  tooLarge: (name: string) => `${name} 太大，不像场景文件。`,
  readFailed: (name: string, why: string) => `无法读取 ${name}：${why}`,
  writeFailed: (name: string, why: string) => `无法写入 ${name}：${why}`,
  sourceNotFound: (file: string) => `在当前工作区中找不到 ${file}。`,
  invalidMessage: '已忽略来自计算器 Webview 的无效消息',
};

export type PanelLocale = 'en' | 'zh-cn';

export function panelLocale(language: string): PanelLocale {
  return language.toLowerCase().startsWith('zh') ? 'zh-cn' : 'en';
}

export function panelStrings(locale: PanelLocale): Strings {
  return locale === 'zh-cn' ? zh : en;
}
