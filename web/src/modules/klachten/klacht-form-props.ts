import type { KlachtDetail } from '@contracts/klachten';

// What a form on the klacht page calls after a change: the page shows the klacht as the server now has it.
export type OnUpdated = (next: KlachtDetail) => Promise<void>;
