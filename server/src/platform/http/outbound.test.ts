import { createServer, type Server } from 'node:http';
import type { AddressInfo } from 'node:net';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import {
  createGuardedFetch,
  createOutboundPolicy,
  findOutboundRefusal,
  OutboundAddressRefused,
  parseOutboundRange,
  resolveAllowedAddress,
} from './outbound.client';

let server: Server;
let port: number;
beforeAll(async () => {
  server = createServer((request, response) => {
    // A redirect to the cloud's metadata service, as an attacker's feed would send.
    if (request.url === '/omleiding') {
      response.writeHead(302, { location: 'http://169.254.169.254/latest/meta-data/' }).end();
      return;
    }
    response.writeHead(200, { 'content-type': 'text/plain' }).end('binnen');
  });
  await new Promise<void>((resolve) => server.listen(0, '127.0.0.1', resolve));
  port = (server.address() as AddressInfo).port;
});
afterAll(() => new Promise<void>((resolve) => server.close(() => resolve())));

describe('uitgaande verbindingen', () => {
  it('laat openbare adressen toe en interne alleen binnen wat de beheerder van de installatie toestond', () => {
    const closed = createOutboundPolicy([]);
    for (const address of ['93.184.216.34', '2a00:1450:4009:81f::200e']) expect(closed.allows(address), address).toBe(true);
    for (const address of [
      '127.0.0.1',
      '10.1.2.3',
      '172.16.0.1',
      '192.168.1.1',
      '169.254.169.254',
      '100.64.0.1',
      '0.0.0.0',
      '::1',
      'fd00::1',
      'fe80::1',
      '::ffff:127.0.0.1',
      '224.0.0.1',
      'geen-adres',
    ]) {
      expect(closed.allows(address), address).toBe(false);
    }
    const mailServer = createOutboundPolicy(['10.1.2.0/24']);
    expect(mailServer.allows('10.1.2.25')).toBe(true);
    expect(mailServer.allows('10.1.3.25')).toBe(false);
    expect(parseOutboundRange('10.1.2.25')).toBe('10.1.2.25/32');
    expect(parseOutboundRange('::1')).toBe('::1/128');
    expect(parseOutboundRange('intranet')).toBeNull();
  });

  it('weigert een verbinding met loopback, ook via een naam of een omleiding, en maakt hem wel als het toegestaan is', async () => {
    const guarded = createGuardedFetch(createOutboundPolicy([]));
    for (const url of [`http://127.0.0.1:${port}/`, `http://localhost:${port}/`, `http://[::ffff:127.0.0.1]:${port}/`]) {
      const refusal = await guarded(url).then(
        () => undefined,
        (error: unknown) => findOutboundRefusal(error),
      );
      expect(refusal, url).toBeInstanceOf(OutboundAddressRefused);
      expect(refusal!.message).toContain('PLEIN_OUTBOUND_ALLOW');
    }
    const allowed = createGuardedFetch(createOutboundPolicy(['127.0.0.0/8', '::1/128']));
    expect(await (await allowed(`http://localhost:${port}/`)).text()).toBe('binnen');
    // Allowing the local server does not allow where it redirects to.
    const redirected = await allowed(`http://127.0.0.1:${port}/omleiding`).then(
      () => undefined,
      (error: unknown) => findOutboundRefusal(error),
    );
    expect(redirected?.address).toBe('169.254.169.254');
  });

  it('geeft IMAP en SMTP het toegestane adres om mee te verbinden', async () => {
    await expect(resolveAllowedAddress(createOutboundPolicy([]), 'localhost')).rejects.toBeInstanceOf(OutboundAddressRefused);
    await expect(resolveAllowedAddress(createOutboundPolicy([]), '[::1]')).rejects.toBeInstanceOf(OutboundAddressRefused);
    expect(await resolveAllowedAddress(createOutboundPolicy(['127.0.0.0/8']), '127.0.0.1')).toBe('127.0.0.1');
  });
});
