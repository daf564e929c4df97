import type { Clock } from '@platform/clock.service';
import type { Db } from '@platform/db/database.client';
import type { MessageRow } from '@platform/db/database.schema';
import { findMunicipality } from '@platform/organisations/organisations.repository';
import { findItemFacts } from './items.repository';
import { judgeWithoutStoring, processMessages } from './pipeline.service';

export type JudgedMessage = Pick<
  MessageRow,
  | 'id'
  | 'organisation_id'
  | 'municipality_id'
  | 'channel'
  | 'author_handle'
  | 'author_followers'
  | 'text'
  | 'subject'
  | 'hashtags'
  | 'mentions'
  | 'language'
  | 'geo_lat'
  | 'geo_lon'
  | 'posted_at'
  | 'visibility'
>;

// What listening knows of one message (its monitors, tenor, language), for the inbox's routing rules. The
// inbox's job and the listening job are queued together; whichever runs first, a public message is analysed
// once (processing is idempotent), so a rule on a monitor or tenor never sees a message unanalysed. A private
// message is judged from what the inbox hands over and nothing of it is kept by listening.
export async function loadListeningFacts(db: Db, clock: Clock, message: JudgedMessage) {
  if (message.visibility === 'prive') {
    const municipality = await findMunicipality(db, message.organisation_id, message.municipality_id);
    return judgeWithoutStoring(db, { ...message, cbs_code: municipality?.cbs_code ?? '' });
  }
  await processMessages(db, clock, message.organisation_id, [message.id]);
  return findItemFacts(db, message.organisation_id, message.id);
}
