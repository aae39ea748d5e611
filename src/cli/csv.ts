/**
 * CSV as RFC 4180 describes it: comma-separated, CRLF line ends, fields quoted when they contain a comma,
 * quote, CR or LF, quotes doubled. Cells that a spreadsheet would run as a formula (starting with `=`, `+`,
 * `-`, `@`, tab or CR) get a leading `'`, as OWASP advises against CSV injection.
 */

/**
 * One CSV field.
 * @param value - Cell value; `undefined`/`null` become an empty field.
 */
export function csvField(value: string | number | boolean | undefined | null): string {
  if (value === undefined || value === null) return '';
  let text = String(value);
  if (typeof value === 'string' && /^[=+\-@\t\r]/.test(text)) text = `'${text}`;
  return /[",\r\n]/.test(text) ? `"${text.replace(/"/g, '""')}"` : text;
}

/**
 * A whole CSV document: header row, then one row per record, each line ending with CRLF.
 * @param header - Column names.
 * @param rows - Rows, each as long as the header.
 */
export function toCsv(header: readonly string[], rows: readonly (readonly (string | number | boolean | undefined | null)[])[]): string {
  return [header, ...rows].map((row) => `${row.map(csvField).join(',')}\r\n`).join('');
}
