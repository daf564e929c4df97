import type { PleinModule } from '@platform/plein-module.types';
import { knowledgeRoutes } from './knowledge.routes';

// Kennis: the knowledge base, standard texts and tone code, the sources of a webcare reply.
export const knowledgeModule: PleinModule = { name: 'kennis', routes: knowledgeRoutes };

export { getToneCode } from './tone-code.service';
