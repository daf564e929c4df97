import type { Clock } from '@platform/clock.service';
import type { Db } from '@platform/db/database.client';
import { findItemFacts } from './items.repository';
import { processMessages } from './pipeline.service';

// What listening knows of one message (its monitors, tenor, language), for the inbox's routing rules. The
// inbox's job and the listening job are queued together; whichever runs first, the message is analysed
// once (processing is idempotent), so a rule on a monitor or tenor never sees a message unanalysed.
export async function loadListeningFacts(db: Db, clock: Clock, organisationId: string, messageId: string) {
  await processMessages(db, clock, organisationId, [messageId]);
  return findItemFacts(db, organisationId, messageId);
}
