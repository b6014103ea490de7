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
