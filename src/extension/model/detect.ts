// The detection entry points the extension uses, in one place. Until src/core/detect/index.ts lands this is a
// stand-in that detects nothing; it will re-export detectRooms, roomFromCode, DEFAULT_ASSUMPTIONS and
// languageIdForFile from '../../core'.
import type { DetectedRoom, DetectionResult, Message, RoomAssumptions, RoomFromCode } from '../../core';

export function detectRooms(_text: string, _languageId: string, _fileName?: string): DetectionResult {
  return { rooms: [], notes: [] };
}

export function roomFromCode(_room: DetectedRoom, _assumptions: RoomAssumptions, _file?: string): RoomFromCode & { assumptions: Message[] } {
  throw new Error('detection is not available yet');
}

export const DEFAULT_ASSUMPTIONS: RoomAssumptions = {
  publishers: 2,
  audience: 100,
  minutesPerSession: 30,
  sessionsPerDay: 10,
  daysPerMonth: 30,
  defaultCamera: { width: 640, height: 480 },
};

export function languageIdForFile(_path: string): string | undefined {
  return undefined;
}
