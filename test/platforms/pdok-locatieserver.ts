import { createServer, type Server } from 'node:http';
import type { AddressInfo } from 'node:net';

// PDOK's Locatieserver (free search) as Plein's address search calls it: a fixed answer of two addresses in the
// response.docs form PDOK documents, whatever was asked.
export async function startPdokLocatieserver(): Promise<{ url: string; close(): Promise<void> }> {
  const server: Server = createServer((_request, response) => {
    response.writeHead(200, { 'content-type': 'application/json' }).end(
      JSON.stringify({
        response: {
          numFound: 2,
          docs: [
            { weergavenaam: 'Dorpsstraat 1, 1901EJ Castricum', centroide_ll: 'POINT(4.6692 52.5483)' },
            { weergavenaam: 'Dorpsstraat 12, 1901EJ Castricum', centroide_ll: 'POINT(4.6695 52.5484)' },
          ],
        },
      }),
    );
  });
  await new Promise<void>((resolve) => server.listen(0, '127.0.0.1', resolve));
  const { port } = server.address() as AddressInfo;
  return { url: `http://127.0.0.1:${port}/free`, close: () => new Promise<void>((resolve) => server.close(() => resolve())) };
}
