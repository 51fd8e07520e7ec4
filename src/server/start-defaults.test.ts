// The default code lists and template feedback forms are ensured on every start; when nothing is missing
// the start only checks (one query each) instead of re-inserting. These tests pin that the check sees
// exactly what the insert would add, so skipping it never leaves a default out.
import { describe, expect, it } from 'vitest';
import { defaultCodes } from '../domain/code-lists.js';
import { ensureDefaultCodes, hasEveryDefaultCode } from './codes/reference-data.js';
import { regions } from './db/schema.js';
import { ensureDefaultFeedbackForms, lacksATemplateForm } from './feedback/seed.js';
import { formTemplates } from './feedback/templates.js';
import { createHarness, makeRegion, type Harness } from './testing/harness.js';
import { testEngine } from './testing/test-db.js';

const rows = (h: Harness, sql: string, params: unknown[] = []) => h.db.withRawSession((s) => s.query<Record<string, unknown>>(sql, params));

describe(`defaults ensured at start on ${testEngine}`, () => {
  it('finds every default code present on a migrated database, misses a deleted one, and ensuring puts it back', async () => {
    const h = await createHarness();
    expect(await hasEveryDefaultCode(h.db.orm)).toBe(true);
    const gone = defaultCodes[defaultCodes.length - 1]!;
    await rows(h, 'delete from codes where kind = $1 and register = $2 and code = $3', [gone.kind, gone.register, gone.code]);
    expect(await hasEveryDefaultCode(h.db.orm)).toBe(false);
    await ensureDefaultCodes(h.db.orm, h.clock.now());
    expect(await hasEveryDefaultCode(h.db.orm)).toBe(true);
    expect(await rows(h, 'select label_fi from codes where kind = $1 and register = $2 and code = $3', [gone.kind, gone.register, gone.code])).toEqual([{ label_fi: gone.labels.fi }]);
  });

  it("keeps an administrator's relabelling and retirement of a default code", async () => {
    const h = await createHarness();
    const first = defaultCodes[0]!;
    await rows(h, "update codes set label_fi = 'Oma nimi', is_active = false where kind = $1 and register = $2 and code = $3", [first.kind, first.register, first.code]);
    expect(await hasEveryDefaultCode(h.db.orm)).toBe(true);
    await ensureDefaultCodes(h.db.orm, h.clock.now());
    expect(await rows(h, 'select label_fi, is_active from codes where kind = $1 and register = $2 and code = $3', [first.kind, first.register, first.code])).toEqual([{ label_fi: 'Oma nimi', is_active: false }]);
  });

  it('sees a region made before the feedback feature lacking its template forms, and none lacking after ensuring', async () => {
    const h = await createHarness();
    await makeRegion(h); // made today: it gets the template forms with it
    expect(await lacksATemplateForm(h.db.orm)).toBe(false);
    const old = { id: h.deps.ids.newId(), name: 'Vanha alue', createdAt: h.clock.now() };
    await h.db.orm.insert(regions).values(old);
    expect(await lacksATemplateForm(h.db.orm)).toBe(true);
    await ensureDefaultFeedbackForms(h.db.orm, h.deps.ids, h.clock.now());
    expect(await lacksATemplateForm(h.db.orm)).toBe(false);
    const keys = await rows(h, 'select template_key from feedback_forms where region_id = $1 order by template_key', [old.id]);
    expect(keys.map((r) => r.template_key)).toEqual(formTemplates.map((t) => t.key).sort());
  });

  it('sees one missing template form of a region', async () => {
    const h = await createHarness();
    const region = await makeRegion(h);
    const key = formTemplates[0]!.key;
    // A form no one has answered yet can go: its version and items first.
    await rows(h, 'delete from feedback_items where version_id in (select v.id from feedback_form_versions v join feedback_forms f on f.id = v.form_id where f.region_id = $1 and f.template_key = $2)', [region.id, key]);
    await rows(h, 'delete from feedback_form_versions where form_id in (select id from feedback_forms where region_id = $1 and template_key = $2)', [region.id, key]);
    await rows(h, 'delete from feedback_forms where region_id = $1 and template_key = $2', [region.id, key]);
    expect(await lacksATemplateForm(h.db.orm)).toBe(true);
    await ensureDefaultFeedbackForms(h.db.orm, h.deps.ids, h.clock.now());
    expect(await lacksATemplateForm(h.db.orm)).toBe(false);
  });
});
