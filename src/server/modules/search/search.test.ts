import assert from 'node:assert/strict';
import { after, before, describe, test } from 'node:test';
import { admittedOrganization } from '../../../../test/admit.ts';
import { insertApplication, insertMeasure } from '../../../../test/application-factory.ts';
import { investorOrganization } from '../../../../test/deal-factory.ts';
import { type Client, createOrganization, signUp, signUpAs } from '../../../../test/factories.ts';
import { insertProject } from '../../../../test/project-factory.ts';
import { insertRequest, insertSolution } from '../../../../test/request-factory.ts';
import { createTestApp, type TestApp } from '../../../../test/test-app.ts';
import { parseQuestion } from './search.repository.ts';
import { markedParts } from './search.service.ts';

interface Hit {
  id: string;
  title: string;
  titleParts: Array<{ text: string; match: boolean }>;
  snippetParts: Array<{ text: string; match: boolean }>;
  link: string;
}
interface Group {
  type: string;
  total: number;
  more: boolean;
  items: Hit[];
}

describe('parsing a question', () => {
  test('identifiers, record numbers, prefix and name words', () => {
    const table: Array<[string, Partial<ReturnType<typeof parseQuestion>>]> = [
      ['7701234567', { identifier: '7701234567', recordNumber: null, nameWord: null }],
      ['1027700132195', { identifier: '1027700132195' }],
      ['77012345', { identifier: null }],
      ['зи-2026-000019', { recordNumber: 'ЗИ-2026-000019', identifier: null }],
      ['  инновационные   проекты ', { text: 'инновационные проекты', prefixQuery: 'инновационные & проекты:*' }],
      ['НейроТэк', { nameWord: 'нейротэк', prefixQuery: 'НейроТэк:*' }],
      ['ии', { nameWord: null, prefixQuery: 'ии' }],
      ['«!»', { prefixQuery: null }],
    ];
    for (const [input, expected] of table) {
      const parsed = parseQuestion(input);
      for (const [key, value] of Object.entries(expected)) {
        assert.deepEqual(parsed[key as keyof typeof parsed], value, `${input}: ${key}`);
      }
    }
  });

  test('marked text into parts', () => {
    assert.deepEqual(markedParts('⟦Нейро⟧тек и ⟦ИИ⟧'), [
      { text: 'Нейро', match: true },
      { text: 'тек и ', match: false },
      { text: 'ИИ', match: true },
    ]);
    assert.deepEqual(markedParts('без совпадений'), [{ text: 'без совпадений', match: false }]);
    assert.deepEqual(markedParts(''), []);
  });
});

describe('GET /api/search', () => {
  let t: TestApp;
  let operator: Client;
  let ownerA: Client; // NeuroTech's owner: has an application and a draft solution
  let customer: Client; // owner of the customer with a draft request
  let outsider: Client; // owner of an organization with nothing to do with the rest
  let hiddenOwner: Client; // owner of an organization not admitted to the cluster
  const guest = () => ({ get: (url: string) => t.app.inject({ method: 'GET', url }) });
  const ids: Record<string, string> = {};
  let neuroInn = '';
  let publishedNumber = '';

  before(async () => {
    t = await createTestApp();
    operator = await signUpAs(t, 'operator');
    ownerA = await signUp(t);
    customer = await signUp(t);
    outsider = await signUp(t);
    hiddenOwner = await signUp(t);

    const neuro = await admittedOrganization(ownerA, operator, {
      shortName: 'ООО «НейроТек Лаб»',
      fullName: 'Общество с ограниченной ответственностью «НейроТек Лаб»',
      description: 'Нейросетевые системы анализа медицинских изображений для поликлиник',
      technologies: ['ai', 'medtech'],
    });
    ids.neuro = neuro.id;
    neuroInn = neuro.inn;
    ids.aero = (
      await admittedOrganization(outsider, operator, {
        shortName: 'ООО «Аэросъёмка Про»',
        description: 'Беспилотные летательные аппараты для облёта теплотрасс',
        technologies: ['drones'],
      })
    ).id;
    ids.city = (
      await admittedOrganization(outsider, operator, {
        shortName: 'ООО «Городские Инновации»',
        description: 'Реализуем инновационный проект освещения улиц',
        technologies: ['smart_city'],
      })
    ).id;
    ids.hidden = (
      await createOrganization(hiddenOwner, {
        shortName: 'ООО «Секретоника»',
        description: 'Организация ещё не вступила в кластер',
      })
    ).id;

    const published = await insertRequest(t, customer, {
      values: { title: 'Мониторинг теплотрасс беспилотниками', number: `ЗИ-2026-${String(Date.now()).slice(-6)}` },
    });
    ids.request = published.request.id;
    publishedNumber = published.request.number;
    ids.draftRequest = (
      await insertRequest(t, customer, {
        status: 'draft',
        organizationId: published.organizationId,
        values: { title: 'Квантовая криптография для банков', brief: 'Черновик запроса' },
      })
    ).request.id;
    ids.ndaRequest = (
      await insertRequest(t, customer, {
        organizationId: published.organizationId,
        values: {
          title: 'Анализ обращений граждан',
          brief: 'Классификация обращений',
          description: 'Сверхсекретный набор данных обращений',
          ndaTerms: 'Не разглашать',
        },
      })
    ).request.id;

    ids.measure = (
      await insertMeasure(t, { title: 'Компенсация затрат на патентование изобретений', description: 'Патенты' })
    ).id;
    ids.draftMeasure = (
      await insertMeasure(t, {
        title: 'Субсидия на гиперзвуковые технологии',
        status: 'draft',
        description: 'Черновик',
      })
    ).id;

    ids.project = (
      await insertProject(t, {
        leadOrganizationId: ids.city,
        authorId: outsider.userId,
        status: 'implemented',
        values: { title: 'Инновационный проект умного освещения', description: 'Освещение улиц' },
      })
    ).id;
    ids.plannedProject = (
      await insertProject(t, {
        leadOrganizationId: ids.neuro,
        authorId: ownerA.userId,
        status: 'planned',
        values: { title: 'Гиперлуп для доставки анализов', description: 'Планируемый проект' },
      })
    ).id;

    ids.investor = (
      await investorOrganization(
        customer,
        { description: 'Венчурный фонд робототехники и промышленной автоматизации' },
        { shortName: 'АО «Фонд Роботех»' },
      )
    ).id;

    ids.application = (
      await insertApplication(t, ownerA, {
        organizationId: ids.neuro,
        status: 'draft',
        answers: { project_title: 'Роботизированная линия розлива', summary: 'Линия' },
      })
    ).application.id;
    ids.solution = (
      await insertSolution(t, ownerA, ids.request, ids.neuro, {
        status: 'draft',
        values: { summary: 'Телепортационный облёт теплотрасс' },
      })
    ).id;
  });
  after(() => t.close());

  async function search(
    client: { get(url: string): Promise<{ statusCode: number; body: string; json(): unknown }> },
    q: string,
    extra = '',
  ) {
    const response = await client.get(`/api/search?q=${encodeURIComponent(q)}${extra}`);
    assert.equal(response.statusCode, 200, response.body);
    return (response.json() as { groups: Group[] }).groups;
  }
  const group = (groups: Group[], type: string) => groups.find((g) => g.type === type);
  const allIds = (groups: Group[]) => groups.flatMap((g) => g.items.map((i) => i.id));

  // the relevance set: what a person types, and what must come first in which group
  test('relevance: word forms, prefixes, a typo in a name, INN and record numbers', async () => {
    const cases: Array<[string, string, string]> = [
      ['инновационные проекты', 'projects', ids.project],
      ['инновационные проекты', 'organizations', ids.city],
      ['беспилотниками', 'requests', ids.request],
      ['беспилот', 'requests', ids.request],
      ['теплотрассы', 'organizations', ids.aero],
      ['нейротэк', 'organizations', ids.neuro],
      ['НейроТек', 'organizations', ids.neuro],
      [neuroInn, 'organizations', ids.neuro],
      [publishedNumber, 'requests', ids.request],
      ['патентования', 'measures', ids.measure],
      ['робототехника', 'investors', ids.investor],
    ];
    for (const [q, type, expected] of cases) {
      const found = group(await search(guest(), q), type);
      assert.equal(
        found?.items[0]?.id,
        expected,
        `«${q}» → ${type}: ${JSON.stringify(found?.items.map((i) => i.title))}`,
      );
      assert.ok(found!.total >= 1);
    }
    const byInn = await search(guest(), neuroInn);
    assert.deepEqual(allIds(byInn), [ids.neuro], 'an INN finds that organization and nothing else');
  });

  test('results are grouped with counts, marked matches and links', async () => {
    const groups = await search(guest(), 'теплотрассы');
    assert.deepEqual(
      groups.map((g) => g.type),
      ['organizations', 'requests', 'measures', 'projects', 'investors'],
      'a guest has no own applications or solutions to search',
    );
    const requests = group(groups, 'requests')!;
    const hit = requests.items.find((i) => i.id === ids.request)!;
    assert.equal(hit.link, `/requests/${ids.request}`);
    assert.ok(
      hit.titleParts.some((p) => p.match && /теплотрасс/i.test(p.text)),
      JSON.stringify(hit.titleParts),
    );
    assert.equal(hit.titleParts.map((p) => p.text).join(''), hit.title);
    const aero = group(groups, 'organizations')!.items.find((i) => i.id === ids.aero)!;
    assert.ok(
      aero.snippetParts.some((p) => p.match),
      'the description fragment marks the match',
    );

    const one = await search(guest(), 'теплотрассы', '&type=requests');
    assert.deepEqual(
      one.map((g) => g.type),
      ['requests'],
    );
    assert.equal(one[0].total, requests.total);
  });

  // the visibility set: for every role, what search must never return
  test('visibility: drafts, other organizations’ files, NDA text and non-members stay hidden', async () => {
    const secrets: Record<string, string> = {
      Секретоника: ids.hidden,
      'квантовая криптография': ids.draftRequest,
      сверхсекретный: ids.ndaRequest,
      гиперзвуковые: ids.draftMeasure,
      гиперлуп: ids.plannedProject,
      'роботизированная линия': ids.application,
      телепортационный: ids.solution,
    };
    const mayRead: Record<string, Array<keyof typeof secrets>> = {
      guest: [],
      outsider: [],
      hiddenOwner: ['Секретоника'],
      customer: ['квантовая криптография'],
      ownerA: ['гиперлуп', 'роботизированная линия', 'телепортационный'],
      operator: ['Секретоника', 'квантовая криптография', 'гиперзвуковые', 'гиперлуп'],
    };
    const clients: Record<
      string,
      { get(url: string): Promise<{ statusCode: number; body: string; json(): unknown }> }
    > = { guest: guest(), outsider, hiddenOwner, customer, ownerA, operator };
    for (const [role, client] of Object.entries(clients)) {
      for (const [q, id] of Object.entries(secrets)) {
        const found = allIds(await search(client, q)).includes(id);
        assert.equal(found, mayRead[role].includes(q), `${role} searching «${q}»`);
      }
    }
    // the NDA request itself is public: its public text is found, its description never
    assert.ok(allIds(await search(outsider, 'обращений граждан')).includes(ids.ndaRequest));
  });

  test('bad input', async () => {
    for (const url of [
      '/api/search',
      '/api/search?q=',
      '/api/search?q=%20%20',
      '/api/search?q=x&type=users',
      '/api/search?q=x&limit=500',
    ]) {
      const response = await t.app.inject({ method: 'GET', url });
      assert.equal(response.statusCode, 400, `${url}: ${response.body}`);
    }
  });
});
