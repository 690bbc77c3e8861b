// "Add to calendar": one session as an iCalendar file (RFC 5545), made and downloaded in the browser
// with no request. Times are UTC (`…Z`), so every calendar places them right whatever its zone.

export interface CalendarEntry {
  /** Stable across downloads, so a calendar updates the entry instead of adding a second one. */
  uid: string;
  start: Date;
  end: Date;
  summary: string;
  description?: string;
  /** When the file was made. */
  stamp: Date;
}

/** RFC 5545 §3.3.11 TEXT: backslash, semicolon and comma escaped, line breaks as `\n`, other control characters dropped. */
export function escapeText(value: string): string {
  return value
    .replace(/\\/g, '\\\\')
    .replace(/;/g, '\\;')
    .replace(/,/g, '\\,')
    .replace(/\r\n|\r|\n/g, '\\n')
    .replace(/[\u0000-\u0008\u000a-\u001f\u007f]/g, '');
}

/** RFC 5545 §3.3.5 DATE-TIME in UTC: `20250615T143000Z`. */
const utc = (date: Date): string => date.toISOString().replace(/\.\d{3}/, '').replace(/[-:]/g, '');

const octets = (codePoint: number): number => (codePoint < 0x80 ? 1 : codePoint < 0x800 ? 2 : codePoint < 0x10000 ? 3 : 4);

/** RFC 5545 §3.1: lines of at most 75 octets, continued after CRLF and a space; never inside a character. */
export function fold(line: string): string {
  const lines: string[] = [];
  let current = '';
  let size = 0;
  for (const character of line) {
    const length = octets(character.codePointAt(0)!);
    // A continuation line's leading space counts towards its 75.
    if (size + length > (lines.length ? 74 : 75)) {
      lines.push(current);
      current = '';
      size = 0;
    }
    current += character;
    size += length;
  }
  lines.push(current);
  return lines.join('\r\n ');
}

/** The whole file: one VEVENT in a VCALENDAR, CRLF line ends. */
export function calendarFile(entry: CalendarEntry): string {
  const lines = [
    'BEGIN:VCALENDAR',
    'VERSION:2.0',
    'PRODID:-//Kaltura Widgets//kal-event-agenda//EN',
    'CALSCALE:GREGORIAN',
    'METHOD:PUBLISH',
    'BEGIN:VEVENT',
    `UID:${escapeText(entry.uid)}`,
    `DTSTAMP:${utc(entry.stamp)}`,
    `DTSTART:${utc(entry.start)}`,
    `DTEND:${utc(entry.end)}`,
    `SUMMARY:${escapeText(entry.summary)}`,
    ...(entry.description ? [`DESCRIPTION:${escapeText(entry.description)}`] : []),
    'END:VEVENT',
    'END:VCALENDAR',
  ];
  return `${lines.map(fold).join('\r\n')}\r\n`;
}

/** A file name from a session's name: no path or reserved characters, not too long. */
export function calendarFileName(name: string): string {
  const safe = name.replace(/[\\/:*?"<>|\u0000-\u001f\u007f]+/g, ' ').replace(/\s+/g, ' ').trim().slice(0, 60).trim();
  return `${safe || 'session'}.ics`;
}

/** Downloads `text` as `fileName` from a blob: URL made here (no request leaves the page). */
export function downloadCalendarFile(fileName: string, text: string): void {
  const url = URL.createObjectURL(new Blob([text], { type: 'text/calendar;charset=utf-8' }));
  const link = document.createElement('a');
  link.href = url;
  link.download = fileName;
  link.click();
  // Revoked once the browser has surely read it (some read a blob download after the click returns).
  setTimeout(() => URL.revokeObjectURL(url), 40_000);
}
