import assert from 'node:assert/strict';
import { after, before, describe, test } from 'node:test';
import { and, eq } from 'drizzle-orm';
import { type Client, signUp, signUpAs } from '../../../test/factories.ts';
import { insertRequest } from '../../../test/request-factory.ts';
import { createTestApp, type TestApp, TestClock } from '../../../test/test-app.ts';
import { auditLog } from '../db/schema/audit.ts';
import { statusEvents } from '../db/schema/events.ts';
import { closeExpiredRequests } from './request-deadlines.ts';

const MINUTE = 60 * 1000;
const HOUR = 60 * MINUTE;

describe('closing requests whose deadline passed', () => {
  let t: TestApp;
  let customer: Client;
  let operator: Client;
  const clock = new TestClock();
  const at = (ms: number) => new Date(clock.now().getTime() + ms);

  before(async () => {
    t = await createTestApp({ clock });
    customer = await signUp(t);
    operator = await signUpAs(t, 'operator');
  });
  after(() => t.close());

  test('closes published requests at their deadline, once, with the timeline, audit and the customer told', async () => {
    const { request: due, organizationId } = await insertRequest(t, customer, {
      values: { deadline: at(-MINUTE), title: 'Запрос, срок которого истёк' },
    });
    const { request: exactlyNow } = await insertRequest(t, customer, { organizationId, values: { deadline: at(0) } });
    const { request: later } = await insertRequest(t, customer, { organizationId, values: { deadline: at(HOUR) } });
    const { request: draftPast } = await insertRequest(t, customer, {
      organizationId,
      status: 'draft',
      values: { deadline: at(-HOUR) },
    });

    assert.equal(await closeExpiredRequests(t.database.db, clock.now()), 2);
    const status = async (id: string) => (await customer.get(`/api/requests/${id}`)).json().status;
    assert.equal(await status(due.id), 'closed');
    assert.equal(await status(exactlyNow.id), 'closed', 'a deadline at this very instant has come');
    assert.equal(await status(later.id), 'published');
    assert.equal(await status(draftPast.id), 'draft', 'only published requests are closed');

    const [event] = await t.database.db
      .select()
      .from(statusEvents)
      .where(and(eq(statusEvents.entity, 'request'), eq(statusEvents.entityId, due.id)));
    assert.equal(event.actorId, null);
    assert.equal(event.comment, 'Срок приёма решений истёк');
    assert.deepEqual([event.fromStatus, event.toStatus], ['published', 'closed']);
    assert.equal(event.at.toISOString(), clock.now().toISOString());

    const audit = (await operator.get(`/api/audit?entity=request&id=${due.id}`)).json().items;
    assert.deepEqual(
      audit.map((a: { action: string; actorId: string | null }) => [a.action, a.actorId]),
      [['request.close', null]],
    );
    const [row] = await t.database.db.select().from(auditLog).where(eq(auditLog.entityId, due.id));
    assert.equal(row.reason, 'Срок приёма решений истёк');

    const notifications = (await customer.get('/api/notifications?limit=50')).json().items as Array<{ title: string }>;
    assert.ok(notifications.some((n) => n.title === `Приём решений по запросу ${due.number} завершён`));

    assert.equal(await closeExpiredRequests(t.database.db, clock.now()), 0, 'a second run closes nothing');
    clock.advance(2 * HOUR);
    assert.equal(await closeExpiredRequests(t.database.db, clock.now()), 1, 'the later one when its time comes');
    assert.equal(await status(later.id), 'closed');
  });

  test('a request the customer closed a moment before is left alone', async () => {
    const { request } = await insertRequest(t, customer, { values: { deadline: at(-MINUTE) } });
    const closed = await customer.post(`/api/requests/${request.id}/close`);
    assert.equal(closed.statusCode, 200, closed.body);
    assert.equal(await closeExpiredRequests(t.database.db, clock.now()), 0);
    const timeline = (await customer.get(`/api/requests/${request.id}`)).json().timeline;
    assert.equal(timeline.filter((e: { toStatus: string }) => e.toStatus === 'closed').length, 1);
  });

  test('many at once: every batch is worked through', async () => {
    const { organizationId } = await insertRequest(t, customer, { values: { deadline: at(-MINUTE) } });
    for (let i = 0; i < 120; i++)
      await insertRequest(t, customer, { organizationId, values: { deadline: at(-MINUTE) } });
    assert.equal(await closeExpiredRequests(t.database.db, clock.now()), 121);
  });
});
