/**
 * One CSV line (RFC 4180, CRLF). A text cell that a spreadsheet would run as a formula (it
 * starts with =, +, -, @, a tab or a carriage return) is prefixed with a quote; numbers are
 * written as they are, so a negative amount stays a number.
 */
export function csvLine(cells: readonly (string | number | null)[]): string {
  return `${cells.map(csvCell).join(',')}\r\n`;
}

const FORMULA_START = /^[=+\-@\t\r]/;
const NEEDS_QUOTES = /[",\r\n]/;
const NUMBER = /^-?\d+(\.\d+)?$/;

function csvCell(cell: string | number | null): string {
  if (cell === null) return '';
  const text = String(cell);
  const safe = FORMULA_START.test(text) && !NUMBER.test(text) ? `'${text}` : text;
  return NEEDS_QUOTES.test(safe) ? `"${safe.replaceAll('"', '""')}"` : safe;
}
