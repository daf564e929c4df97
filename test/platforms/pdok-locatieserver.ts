import { createServer, type Server } from 'node:http';
import type { AddressInfo } from 'node:net';

export interface PdokDoc {
  weergavenaam: string;
  centroide_ll: string;
}

const CASTRICUM: PdokDoc[] = [
  { weergavenaam: 'Dorpsstraat 1, 1901EJ Castricum', centroide_ll: 'POINT(4.6692 52.5483)' },
  { weergavenaam: 'Dorpsstraat 12, 1901EJ Castricum', centroide_ll: 'POINT(4.6695 52.5484)' },
];

// PDOK's Locatieserver (free search) as Plein's address search calls it: the documents given (two addresses in
// Castricum by default) in the response.docs form PDOK documents, whatever was asked; a 500 for the query `failOn`.
// `lastQuery` is what Plein asked last.
export async function startPdokLocatieserver(options: { docs?: PdokDoc[]; failOn?: string } = {}) {
  const docs = options.docs ?? CASTRICUM;
  const state = { lastQuery: null as URLSearchParams | null };
  const server: Server = createServer((request, response) => {
    const query = new URL(request.url ?? '/', 'http://localhost').searchParams;
    state.lastQuery = query;
    if (options.failOn !== undefined && query.get('q') === options.failOn) return response.writeHead(500).end();
    response.writeHead(200, { 'content-type': 'application/json' }).end(JSON.stringify({ response: { numFound: docs.length, docs } }));
  });
  await new Promise<void>((resolve) => server.listen(0, '127.0.0.1', resolve));
  const { port } = server.address() as AddressInfo;
  return Object.assign(state, {
    url: `http://127.0.0.1:${port}/free`,
    close: () => new Promise<void>((resolve) => server.close(() => resolve())),
  });
}
