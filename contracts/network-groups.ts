import { z } from 'zod';

// Het lokale netwerk (PRODUCT.md L3): the seven groups of active local accounts of the almanac ("institutions
// and the people who work there"); everyone else is a betrokken inwoner or unknown.
export const NETWORK_GROUPS = ['politiek-overheid', 'bedrijfsleven', 'media', 'sport', 'kunst-cultuur', 'verenigingsleven', 'non-profit'] as const;
export const networkGroupSchema = z.enum(NETWORK_GROUPS, {
  error: 'Kies een van de zeven netwerkgroepen: politiek-overheid, bedrijfsleven, media, sport, kunst-cultuur, verenigingsleven of non-profit',
});
export type NetworkGroup = z.infer<typeof networkGroupSchema>;
// The filter value for authors in none of the seven groups.
export const NO_GROUP = 'inwoner';
export const NETWORK_GROUP_FILTERS = [...NETWORK_GROUPS, NO_GROUP] as const;
export const networkGroupFilterSchema = z.enum(NETWORK_GROUP_FILTERS, { error: 'Kies een netwerkgroep of "inwoner"' });
export type NetworkGroupFilter = z.infer<typeof networkGroupFilterSchema>;
