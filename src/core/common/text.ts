// Words every stage speaks: a user-facing text in both languages, and a message with its stable code.

/** Every user-facing sentence exists in English and Simplified Chinese. */
export interface Text {
  en: string;
  zh: string;
}

export type Locale = 'en' | 'zh-cn';

export interface Message {
  code: string;
  text: Text;
  /** The room the message is about, if any (index into scenario.rooms). */
  room?: number;
}

/** A problem in a JSON document (scenario, project file, price book, tariff data): where it is and what is wrong. */
export interface Problem {
  /** JSON path, e.g. "$.rooms[0].participants[1].count". */
  path: string;
  message: Text;
  /** 1-based position in the JSON text, when parsed from text. */
  line?: number;
  column?: number;
}
