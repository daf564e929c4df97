import type { PleinModule } from '@platform/plein-module.types';
import { registerKnowledgeRoutes } from './knowledge.routes';

// Kennis: the knowledge base, standard texts and tone code, the sources of a webcare reply.
export const knowledgeModule: PleinModule = { name: 'kennis', routes: registerKnowledgeRoutes };

export { getToneCode } from './tone-code.service';
