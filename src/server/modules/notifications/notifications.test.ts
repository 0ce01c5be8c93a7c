import assert from 'node:assert/strict';
import { after, before, describe, test } from 'node:test';
import { signUp } from '../../../../test/factories.ts';
import { createTestApp, type TestApp } from '../../../../test/test-app.ts';
import { notifyUsers } from './notify.ts';

describe('notifications', () => {
  let t: TestApp;
  before(async () => {
    t = await createTestApp();
  });
  after(() => t.close());

  async function tell(userId: string, title: string, at: Date) {
    await notifyUsers(t.database.db, [userId], { kind: 'test', title, body: `Текст: ${title}`, link: '/x' }, at);
  }

  test('listed newest first with the unread count; marked read one by one or all; only my own', async () => {
    const me = await signUp(t);
    const other = await signUp(t);
    await tell(me.userId, 'Первое', new Date('2026-11-01T10:00:00Z'));
    await tell(me.userId, 'Второе', new Date('2026-11-02T10:00:00Z'));
    await tell(me.userId, 'Третье', new Date('2026-11-03T10:00:00Z'));
    await tell(other.userId, 'Чужое', new Date('2026-11-03T10:00:00Z'));

    const list = await me.get('/api/notifications');
    assert.equal(list.statusCode, 200, list.body);
    const { items, unread } = list.json();
    assert.deepEqual(
      items.map((n: { title: string }) => n.title),
      ['Третье', 'Второе', 'Первое'],
    );
    assert.equal(unread, 3);
    assert.equal(items[0].readAt, null);

    const page = (await me.get('/api/notifications?limit=1&offset=1')).json();
    assert.deepEqual(
      page.items.map((n: { title: string }) => n.title),
      ['Второе'],
    );
    assert.equal(page.unread, 3);

    // another user's id is ignored
    const theirs = (await other.get('/api/notifications')).json().items[0].id;
    const marked = await me.post('/api/notifications/read', { ids: [items[0].id, theirs] });
    assert.equal(marked.statusCode, 200, marked.body);
    assert.equal(marked.json().unread, 2);
    assert.equal((await other.get('/api/notifications')).json().unread, 1);

    const unreadOnly = (await me.get('/api/notifications?unread=true')).json();
    assert.deepEqual(
      unreadOnly.items.map((n: { title: string }) => n.title),
      ['Второе', 'Первое'],
    );

    const all = await me.post('/api/notifications/read', {});
    assert.equal(all.statusCode, 200, all.body);
    assert.equal(all.json().unread, 0);
    const after = (await me.get('/api/notifications')).json();
    assert.ok(after.items.every((n: { readAt: string | null }) => n.readAt));
    assert.equal((await other.get('/api/notifications')).json().unread, 1);
  });

  test('guests are refused; bad input is 400', async () => {
    const guest = await t.app.inject({ method: 'GET', url: '/api/notifications' });
    assert.equal(guest.statusCode, 401);
    const me = await signUp(t);
    assert.equal((await me.get('/api/notifications?limit=0')).statusCode, 400);
    assert.equal((await me.post('/api/notifications/read', { ids: ['not-a-uuid'] })).statusCode, 400);
    assert.equal((await me.post('/api/notifications/read', { everything: true })).statusCode, 400);
  });
});
