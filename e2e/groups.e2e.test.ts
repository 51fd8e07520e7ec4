import { describe, expect, it } from 'vitest';
import { addDays, helsinkiDay, isoWeekday } from '../src/domain/calendar';
import type { AttendanceInput, SeriesStatistics } from '../src/domain/groups';
import { expandRecurrence } from '../src/domain/recurrence';
import { CODE_ALPHABET, formatVisitorCode } from '../src/domain/visitor-code';
import type { SeriesDetail } from '../src/web/groups/api';
import { expectNoSeriousViolations } from './support/axe';
import { desktop, phone } from './support/browser';
import { screenshot } from './support/screenshots';
import { signedIn, siteOf } from './support/sign-in';
import { useSuite } from './support/suite';
import { GroupsPages } from './pages/groups';

const suite = useSuite();

const asTyped = (day: string): string => `${Number(day.slice(8, 10))}.${Number(day.slice(5, 7))}.${day.slice(0, 4)}`;
/** The same code with its last character changed: a single typo the checksum catches. */
const withTypo = (code: string): string => code.slice(0, -1) + CODE_ALPHABET[(CODE_ALPHABET.indexOf(code.at(-1)!) + 1) % CODE_ALPHABET.length];

/** Shared with the coordinator's test: the series the staff member made. */
let made: { seriesId: string; sessionIds: string[] } | null = null;

describe('open groups', () => {
  it('day-centre staff create a weekly series, record eight sessions by counters and codes, and see the report', async () => {
    const { page, context, problems, session } = await signedIn(suite(), 'demo.staff', desktop);
    const siteId = siteOf(session, 'daycentre_staff');
    const headers = { 'x-csrf-token': session.csrfToken };
    const g = new GroupsPages(page);
    // Eight weekly sessions, all past: from 8 weeks ago on today's weekday to a week ago.
    const today = helsinkiDay(new Date());
    const startsOn = addDays(today, -56);
    const endsOn = addDays(today, -7);
    const weekday = isoWeekday(startsOn);
    const days = expandRecurrence({ recurrence: 'weekly', weekday, startsOn, endsOn });
    expect(days).toHaveLength(8);

    await g.openList();
    await expectNoSeriousViolations(page, 'groups list (desktop)');
    await g.openCreateForm();
    await expectNoSeriousViolations(page, 'series form (desktop)');
    const name = `Porinapiiri ${Date.now()}`;
    await g.fillSeries({
      name: '',
      description: 'Avoin keskusteluryhmä päiväkeskuksessa.',
      targetGroup: 'Kaikille päiväkeskuksen kävijöille',
      room: 'Ryhmätila',
      facilitators: [
        { role: 'Ohjaaja', organisation: 'Päiväkeskus', isPeerWorker: false },
        { role: 'Kokemusasiantuntija', organisation: 'Järjestö', isPeerWorker: true },
      ],
      weekday,
      startsAt: '12.00',
      endsAt: '13.30',
      startsOn: asTyped(startsOn),
      endsOn: asTyped(endsOn),
      themes: ['Omat vahvuudet', 'Uni', 'Raha'],
    });
    expect(await page.locator('#series-days').innerText()).toContain('8 kertaa');
    // The name is missing: nothing is sent, the summary takes focus and links to the field.
    await g.submitSeries();
    await page.waitForFunction(() => document.activeElement?.textContent?.includes('Lomakkeessa on 1 virhe') ?? false);
    expect(await g.errorSummary().locator('a[href="series-name"]').innerText()).toContain('Kirjoita ryhmän nimi');
    await expectNoSeriousViolations(page, 'series form with an error (desktop)');
    await screenshot(page, 'groups-form-error-desktop');
    await page.locator('#series-name').fill(name);
    await g.submitSeries();
    await page.waitForURL((url) => /^\/groups\/[0-9a-f-]{36}$/.test(url.pathname));
    expect(await g.confirmation().first().innerText()).toContain('Sille tehtiin 8 kertaa');
    const seriesId = new URL(page.url()).pathname.split('/').at(-1)!;

    const detail = (await (await page.request.get(`/api/group-series/${seriesId}`)).json()) as SeriesDetail;
    expect(detail.sessions.map((s) => s.day)).toEqual(days);
    expect(detail.sessions.map((s) => s.theme)).toEqual(['Omat vahvuudet', 'Uni', 'Raha', '', '', '', '', '']);
    expect(detail.facilitators).toEqual([
      { role: 'Ohjaaja', organisation: 'Päiväkeskus', isPeerWorker: false },
      { role: 'Kokemusasiantuntija', organisation: 'Järjestö', isPeerWorker: true },
    ]);
    const ids = detail.sessions.map((s) => s.id);
    made = { seriesId, sessionIds: ids };
    await page.locator('#series-figures').waitFor();
    expect(await page.locator('#series-facts').innerText()).toContain('Kokemusasiantuntija, Järjestö (kokemus- tai vertaistoimija)');
    await expectNoSeriousViolations(page, 'series page, nothing recorded (desktop)');

    // Four visitor codes, A–D, issued the ordinary way.
    const codes: string[] = [];
    for (let i = 0; i < 4; i += 1) {
      const issued = await page.request.post(`/api/sites/${siteId}/visitor-codes`, { headers });
      expect(issued.status()).toBe(201);
      codes.push(((await issued.json()) as { code: string }).code);
    }
    const [A, B, C, D] = codes as [string, string, string, string];

    // Session 3 through the UI, counters only: + five times for the total, the rest typed.
    await g.openAttendanceFromSeries(ids[2]!);
    await g.tapCounter('total', 'plus', 5);
    await g.setCounter('returning', '4');
    await g.setCounter('new', '3');
    await g.saveAttendance();
    await page.waitForFunction(() => document.activeElement?.textContent?.includes('Lomakkeessa on 1 virhe') ?? false);
    expect(await page.locator('#counter-returning-error').innerText()).toContain('enintään yhtä monta kuin osallistujia');
    await g.setCounter('returning', '3');
    await g.setCounter('new', '2');
    await g.saveAttendance();
    await page.waitForURL((url) => url.pathname === `/groups/${seriesId}`);
    expect(await g.confirmation().first().innerText()).toContain('yhteensä 5, heistä palaavia 3 ja uusia 2');

    // Session 1 through the UI, counters and codes; a typo is caught in the browser first.
    await g.openAttendanceFromSeries(ids[0]!);
    await g.setCounter('total', '4');
    await g.setCounter('new', '4');
    await g.addCode(withTypo(B));
    expect(await page.locator('main .fi-status-text').first().innerText()).toContain('kirjoitusvirhe');
    await g.addCode(`${A.slice(0, 3).toLowerCase()}-${A.slice(3)}`);
    await g.addCode(B);
    await g.addCode(A);
    expect(await page.locator('main .fi-status-text').first().innerText()).toContain('jo listalla');
    expect(await g.rosterCodes().allInnerTexts()).toEqual([expect.stringContaining(formatVisitorCode(A)), expect.stringContaining(formatVisitorCode(B))]);
    await g.saveAttendance();
    await page.waitForURL((url) => url.pathname === `/groups/${seriesId}`);
    expect(await g.confirmation().first().innerText()).toContain('yhteensä 6, heistä palaavia 0 ja uusia 6');

    // Reopening shows what was saved; the page passes axe on a desktop and on a phone.
    await g.openAttendanceFromSeries(ids[0]!);
    expect(await page.locator('#counter-total').inputValue()).toBe('4');
    expect(await page.locator('#counter-new').inputValue()).toBe('4');
    expect(await g.rosterCodes().count()).toBe(2);
    expect(await page.locator('#attendance-saved').innerText()).toContain('yhteensä 6, palaavia 0, uusia 6');
    await expectNoSeriousViolations(page, 'attendance page (desktop)');
    await page.setViewportSize(phone);
    await expectNoSeriousViolations(page, 'attendance page (phone)');
    for (const id of ['#counter-total-minus', '#counter-total-plus', '#counter-total']) {
      const box = await page.locator(id).boundingBox();
      expect(box!.width).toBeGreaterThanOrEqual(44);
      expect(box!.height).toBeGreaterThanOrEqual(44);
    }
    await screenshot(page, 'groups-attendance-phone');
    await page.setViewportSize(desktop);

    // The other six sessions through the API.
    const put = async (sessionId: string, body: AttendanceInput) => {
      const response = await page.request.put(`/api/group-sessions/${sessionId}/attendance`, { headers, data: body });
      expect(response.status(), await response.text()).toBe(200);
    };
    await put(ids[1]!, { counters: { total: 3, returning: 2, new: 1 }, codes: [A] });
    await put(ids[3]!, { counters: null, codes: [A, B, C] });
    await put(ids[4]!, { counters: { total: 7, returning: 4, new: 3 }, codes: [] });
    await put(ids[5]!, { counters: { total: 2, returning: 2, new: 0 }, codes: [D] });
    await put(ids[6]!, { counters: { total: 6, returning: 5, new: 1 }, codes: [C] });
    await put(ids[7]!, { counters: { total: 2, returning: 1, new: 0 }, codes: [] });

    // A ninth, extra session three days ago: nine people are recorded, then it is cancelled in the UI.
    await g.openSeries(seriesId);
    const extraDay = addDays(today, -3);
    await page.locator('#extra-day').fill(asTyped(extraDay));
    await page.locator('#extra-theme').fill('Retki');
    await page.locator('#extra-submit').click();
    await g.confirmation().filter({ hasText: 'lisätty' }).waitFor();
    const withExtra = (await (await page.request.get(`/api/group-series/${seriesId}`)).json()) as SeriesDetail;
    const extra = withExtra.sessions.find((s) => s.day === extraDay)!;
    expect(extra.theme).toBe('Retki');
    await put(extra.id, { counters: { total: 9, returning: 0, new: 9 }, codes: [] });
    await page.reload();
    await g.sessionRow(extra.id).waitFor();
    expect(await g.sessionFigures(extra.id)).toEqual(['9', '0', '9']);
    await g.openSessionEditor(extra.id);
    await page.locator('#session-cancel-start').click();
    expect(await page.locator('#session-cancel-question').innerText()).toContain('Perutaanko kerta');
    await page.locator('#session-cancel-confirm').click();
    await g.confirmation().filter({ hasText: 'on peruttu' }).waitFor();
    await g.sessionRow(extra.id).filter({ hasText: 'Peruttu' }).waitFor();
    expect(await g.sessionFigures(extra.id)).toEqual(['–', '–', '–']);
    // A cancelled session offers no attendance link.
    expect(await g.sessionRow(extra.id).locator('a[href*="/attendance"]').count()).toBe(0);

    // The facilitators' count of people without a code who came more than once.
    await page.locator('#repeat-count').fill('4');
    await page.locator('#repeat-save').click();
    await g.confirmation().filter({ hasText: 'Luku tallennettu' }).waitFor();

    // Per session: counters + codes, a code "returning" when it was at an earlier session.
    //   1: 4 + A,B        = 6  (returning 0,       new 4+2 = 6)
    //   2: 3 + A          = 4  (returning 2+A = 3, new 1)
    //   3: 5              = 5  (returning 3,       new 2)
    //   4: A,B,C          = 3  (returning A,B = 2, new C = 1)
    //   5: 7              = 7  (returning 4,       new 3)
    //   6: 2 + D          = 3  (returning 2,       new D = 1)
    //   7: 6 + C          = 7  (returning 5+C = 6, new 1)
    //   8: 2              = 2  (returning 1,       new 0)
    // The cancelled ninth (9) counts nowhere. Totals 37 over 8 sessions: mean 4.625 ("4,6"), max 7, min 2.
    // Codes at two or more sessions: A (1, 2, 4), B (1, 4), C (4, 7) = 3; D once. Distinct codes 4.
    // Repeat participants: 3 from codes + 4 entered = 7.
    const expected = [['6', '0', '6'], ['4', '3', '1'], ['5', '3', '2'], ['3', '2', '1'], ['7', '4', '3'], ['3', '2', '1'], ['7', '6', '1'], ['2', '1', '0']];
    await page.reload();
    await page.locator('#series-figures').waitFor();
    for (const [i, id] of ids.entries()) expect(await g.sessionFigures(id)).toEqual(expected[i]);
    expect(await g.statistic('recorded').innerText()).toBe('8');
    expect(await g.statistic('mean').innerText()).toBe('4,6');
    expect(await g.statistic('max').innerText()).toBe('7');
    expect(await g.statistic('min').innerText()).toBe('2');
    expect(await g.statistic('repeat').innerText()).toBe('7');
    expect(await g.statistic('repeat-parts').innerText()).toBe('(koodeista 3, ohjaajien laskemia 4)');
    expect(await g.statistic('distinct').innerText()).toBe('4');
    expect(await page.locator('[data-testid="attendance-chart"] title').textContent()).toContain('8 kirjattua kertaa, eniten 7, vähiten 2');
    const stats = (await (await page.request.get(`/api/group-series/${seriesId}/statistics`)).json()) as SeriesStatistics;
    expect(stats).toMatchObject({ recordedSessions: 8, mean: 37 / 8, max: 7, min: 2, distinctCodes: 4, repeatParticipants: { fromCodes: 3, entered: 4, total: 7 } });
    // Staff may record: every held, not cancelled session has its link.
    expect(await g.recordLinks().count()).toBe(8);
    await expectNoSeriousViolations(page, 'series page with the report (desktop)');
    await screenshot(page, 'groups-series-desktop');
    // A theme agreed on the day, published: the editor saves it and the table says so.
    await g.openSessionEditor(ids[3]!);
    await expectNoSeriousViolations(page, 'series page, session editor open (desktop)');
    await page.locator('#session-theme').fill('Arjen taidot');
    await page.locator('label[for="session-theme-published"]').click();
    await page.locator('#session-save').click();
    await g.confirmation().filter({ hasText: 'muutokset tallennettu' }).waitFor();
    expect(await g.sessionRow(ids[3]!).innerText()).toContain('Arjen taidot (julkaistu)');
    const edited = (await (await page.request.get(`/api/group-series/${seriesId}`)).json()) as SeriesDetail;
    expect(edited.sessions.find((s) => s.id === ids[3])).toMatchObject({ theme: 'Arjen taidot', isThemePublished: true });
    expect(problems).toEqual([]);
    await context.close();
  });

  it('the coordinator sees the statistics but not the roster, and is refused the attendance page gracefully', async () => {
    expect(made).not.toBeNull();
    const { seriesId, sessionIds } = made!;
    const { page, context, problems } = await signedIn(suite(), 'demo.coordinator', desktop);
    const g = new GroupsPages(page);
    await g.openList();
    await page.locator('main td', { hasText: 'Päättynyt' }).first().waitFor();
    await screenshot(page, 'groups-list-desktop');
    await page.locator(`main a[href="/groups/${seriesId}"]`).click();
    await page.locator('#series-figures').waitFor();
    expect(await g.statistic('mean').innerText()).toBe('4,6');
    expect(await g.statistic('repeat').innerText()).toBe('7');
    expect(await g.sessionFigures(sessionIds[0]!)).toEqual(['6', '0', '6']);
    expect(await g.recordLinks().count()).toBe(0);
    expect(await page.locator('#repeat-count').count()).toBe(0);
    await expectNoSeriousViolations(page, 'series page as coordinator (desktop)');

    await page.goto(`/groups/sessions/${sessionIds[0]}/attendance`);
    expect(await g.headingText()).toBe('Ei käyttöoikeutta');
    expect(await page.locator('#attendance-save').count()).toBe(0);
    await expectNoSeriousViolations(page, 'attendance page refused (desktop)');
    expect((await page.request.get(`/api/group-sessions/${sessionIds[0]}/attendance`)).status()).toBe(403);
    expect(problems).toEqual([]);
    await context.close();
  });
});
