import type { PleinModule } from '@platform/plein-module.types';
import { open311Routes } from './open311.routes';

// Open311 GeoReport v2 over the meldingen module, for the apps residents already use.
export const open311Module: PleinModule = { name: 'open311', routes: open311Routes };

export { createOpen311Client, resolveTarget } from './open311-clients.service';
