import type { Clock } from '@platform/clock.service';
import type { Db } from '@platform/db/database.client';
import type { ChannelAccountRow } from '@platform/db/database.schema';
import type { DeliveryReport } from './connector.types';
import { lockOutboxItem, updateOutboxItem } from './outbox.repository';
import { recordSent } from './outbox.service';

// What a platform later says about a message Plein sent (WhatsApp's status webhooks). An item in doubt — the send
// began and no answer came, so it waits as 'onzeker' for a person — is settled by it: the platform has it, so it is
// sent; or the platform could not deliver it, so it failed with the platform's reason and may be sent again. A
// failure reported after Plein recorded the item as sent (WhatsApp's 24-hour window, checked by Meta afterwards)
// turns it to 'mislukt' too: the resident did not get the answer, and the agent must see that.
export async function settleByDeliveryReports(db: Db, clock: Clock, account: ChannelAccountRow, reports: DeliveryReport[]) {
  for (const report of reports) {
    const item = await lockOutboxItem(db, account.organisation_id, report.outboxId);
    // Only this account's own items: an id from another account or organisation is ignored.
    if (!item || item.account_id !== account.id) continue;
    if (report.delivered) {
      if (item.status === 'verzonden' || item.send_started_at === null) continue;
      await recordSent(db, clock, account, item, { platformId: report.platformId, publicUrl: null });
      await updateOutboxItem(db, item.organisation_id, item.id, { send_started_at: null });
      continue;
    }
    // Without an attempt in doubt the report cannot be about this item's last send: a failed attempt that Meta answered
    // has no message id to report on, and a person may already have sent it again.
    if (item.status !== 'verzonden' && item.send_started_at === null) continue;
    if (item.status === 'verzonden' && item.platform_id !== report.platformId) continue;
    await updateOutboxItem(db, item.organisation_id, item.id, { status: 'mislukt', last_error: report.error, send_started_at: null });
  }
}
