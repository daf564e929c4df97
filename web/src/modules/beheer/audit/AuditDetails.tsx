const UUID = /^[0-9a-f]{8}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{12}$/i;

// Audit details store ids; people read names, so known ids (municipalities, users) are shown by name.
function describeValue(value: unknown, names: Map<string, string>): string {
  if (typeof value === 'string') return UUID.test(value) ? (names.get(value) ?? `${value.slice(0, 8)}…`) : value;
  if (Array.isArray(value)) return value.length === 0 ? '–' : value.map((item) => describeValue(item, names)).join(', ');
  if (value === null || value === undefined) return '–';
  if (typeof value === 'object') return JSON.stringify(value);
  return String(value);
}

export function AuditDetails({ details, names }: { details: Record<string, unknown>; names: Map<string, string> }) {
  const entries = Object.entries(details);
  if (entries.length === 0) return <span className="plein-muted">–</span>;
  return (
    <ul className="plein-details-list">
      {entries.map(([key, value]) => (
        <li key={key}>
          <span className="plein-details-list__key">{key}:</span> {describeValue(value, names)}
        </li>
      ))}
    </ul>
  );
}
