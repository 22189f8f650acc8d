// Reading result envelopes (docs/api-execution.md): {tables: [{name, columns: [{name, type}],
// rows: [[…]]}], details}.

export function tables(result) {
  return (result && Array.isArray(result.tables)) ? result.tables : [];
}

export function table(result, name) {
  return tables(result).find((t) => t.name === name) || null;
}

export function columnIndex(t, name) {
  return t ? t.columns.findIndex((c) => c.name === name) : -1;
}

// The rows of a table as objects keyed by column name.
export function records(t) {
  if (!t) return [];
  return t.rows.map((row) => Object.fromEntries(t.columns.map((c, i) => [c.name, row[i]])));
}

export function isNumeric(type) {
  return type === 'integer' || type === 'double' || type === 'timespan';
}

// "42 s", "3.5 min", "2.1 h", "4.0 d" (as the server's process map labels).
export function formatDuration(seconds) {
  if (seconds === null || seconds === undefined || Number.isNaN(seconds)) return '';
  const abs = Math.abs(seconds);
  if (abs < 60) return `${seconds.toFixed(1)} s`;
  if (abs < 3600) return `${(seconds / 60).toFixed(1)} min`;
  if (abs < 86400) return `${(seconds / 3600).toFixed(1)} h`;
  return `${(seconds / 86400).toFixed(1)} d`;
}

const integerFormat = new Intl.NumberFormat('en-US', { maximumFractionDigits: 0 });
const decimalFormat = new Intl.NumberFormat('en-US', { maximumFractionDigits: 2 });

// A cell as text by its column type: counts with separators, durations humanised, dates without
// their seconds' fraction.
export function formatCell(value, type) {
  if (value === null || value === undefined) return '';
  if (typeof value === 'boolean') return value ? 'True' : 'False';
  if (type === 'timespan' && typeof value === 'number') return formatDuration(value);
  if (type === 'datetime' && typeof value === 'string') {
    return value.replace('T', ' ').replace(/(\d\d:\d\d:\d\d)\.\d+/, '$1').replace(/Z$/, ' UTC');
  }
  if (typeof value === 'number') {
    return Number.isInteger(value) ? integerFormat.format(value) : decimalFormat.format(value);
  }
  return String(value);
}
