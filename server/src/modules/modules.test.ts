import { existsSync, readdirSync } from 'node:fs';
import { join } from 'node:path';
import { createOutboundPolicy } from '@platform/http/outbound.client';
import { JobRegistry } from '@platform/jobs/job-registry.service';
import { describe, expect, it } from 'vitest';
import { MODULES, registerModuleJobs } from './index';

const MODULES_DIR = join(import.meta.dirname);
const folders = readdirSync(MODULES_DIR, { withFileTypes: true })
  .filter((entry) => entry.isDirectory())
  .map((entry) => entry.name);

describe('de modulelijst', () => {
  it('geeft elke module een index.ts als openbare ingang', () => {
    expect(folders.filter((folder) => !existsSync(join(MODULES_DIR, folder, 'index.ts')))).toEqual([]);
  });

  it('registreert elke module die routes, taken of berichten heeft precies één keer', async () => {
    const exported = [];
    for (const folder of folders) {
      const api = (await import(join(MODULES_DIR, folder, 'index.ts'))) as Record<string, unknown>;
      for (const value of Object.values(api)) {
        if (value && typeof value === 'object' && 'name' in value && ('routes' in value || 'jobs' in value)) exported.push(value);
      }
    }
    expect(new Set(MODULES).size).toBe(MODULES.length);
    expect([...exported].sort((a, b) => String((a as { name: string }).name).localeCompare(String((b as { name: string }).name)))).toEqual(
      [...MODULES].sort((a, b) => a.name.localeCompare(b.name)),
    );
  });

  it('laat elke module haar eigen taken registreren, en een taak die opgeslagen berichten volgt bestaat ook', () => {
    const registry = new JobRegistry();
    const kit = {
      publicUrl: 'http://localhost',
      keys: { previous: [] },
      fetch: globalThis.fetch,
      outbound: createOutboundPolicy([]),
      mailer: { send: async () => undefined } as never,
      mailDomain: 'localhost',
      platformTimeoutMs: 15_000,
    };
    registerModuleJobs(registry, kit);
    for (const module of MODULES) {
      if (module.storedMessages) expect(registry.get(module.storedMessages.job), module.name).toBeDefined();
    }
    expect(registry.names()).toEqual(expect.arrayContaining(['inbox.indelen', 'luisteren.verwerken', 'kanaal.ophalen']));
  });
});
