import { XMLBuilder } from 'fast-xml-parser';

// GeoReport v2's XML names every list and its items: <services><service>…</service></services>.
const ITEM_NAMES: Record<string, string> = {
  services: 'service',
  service_requests: 'request',
  attributes: 'attribute',
  values: 'value',
  endpoints: 'endpoint',
  formats: 'format',
  errors: 'error',
};

const builder = new XMLBuilder({ ignoreAttributes: false, suppressEmptyNode: false, format: false });

type XmlValue = string | { [key: string]: XmlValue | XmlValue[] } | XmlValue[];

function toXmlValue(value: unknown, name: string): XmlValue {
  if (value === null || value === undefined) return '';
  if (typeof value === 'boolean' || typeof value === 'number') return String(value);
  if (typeof value === 'string') return value;
  if (Array.isArray(value)) {
    const item = ITEM_NAMES[name];
    if (!item) throw new Error(`Geen XML-naam voor de elementen van ${name}`);
    // An empty list is an empty element, not a missing one.
    return value.length === 0 ? '' : { [item]: value.map((entry) => toXmlValue(entry, item)) };
  }
  return Object.fromEntries(Object.entries(value as Record<string, unknown>).map(([key, entry]) => [key, toXmlValue(entry, key)]));
}

// The JSON body as GeoReport XML under the given root; a top-level list becomes <root><item/>…</root>.
export function toGeoReportXml(root: string, body: unknown): string {
  return builder.build({ '?xml': { '@_version': '1.0', '@_encoding': 'utf-8' }, [root]: toXmlValue(body, root) });
}
