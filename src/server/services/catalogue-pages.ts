import type { FastifyInstance, FastifyReply } from 'fastify';
import type { ZodTypeProvider } from 'fastify-type-provider-zod';
import { z } from 'zod';
import { addDays, helsinkiDay, isoWeekday } from '../../domain/calendar.js';
import { formatDate, formatWeekdayDate } from '../../domain/date-format.js';
import { locales, type Locale } from '../../domain/org.js';
import { trayCategories, trayCategoryNames, type TrayCategory } from '../../domain/services/categories.js';
import type { LocalizedText, ServiceLocation } from '../../domain/services/description.js';
import { openingDays, upcomingDifferences } from '../../domain/services/opening-hours.js';
import type { Deps } from '../deps.js';
import { countPublished, listPublished, municipalityNames, organizationsById, unitNames, type PublishedService } from './repo.js';
import { pageTexts, type PageTexts } from './page-texts.js';

/**
 * The public catalogue (requirements § 6.3.3): the tray's front page, a category, a search and a
 * service, rendered on the server as plain HTML — no sign-in, no JavaScript, a few kilobytes, printable.
 * Only published versions are shown. The language is chosen with `?lang=` (Finnish by default).
 */
const BASE = '/palvelut';
const langQuery = z.object({ lang: z.enum(locales).catch('fi').default('fi') });

const escapeHtml = (text: string) => text.replace(/[&<>"']/g, (c) => ({ '&': '&amp;', '<': '&lt;', '>': '&gt;', '"': '&quot;', "'": '&#39;' })[c]!);
const pick = (text: LocalizedText, lang: Locale) => (text[lang].trim() !== '' ? text[lang] : text.fi);
/** A text in the page's language, or the Finnish original marked as Finnish for screen readers. */
function say(text: LocalizedText, lang: Locale): string {
  const own = text[lang].trim() !== '';
  return own || lang === 'fi' ? escapeHtml(pick(text, lang)) : `<span lang="fi">${escapeHtml(text.fi)}</span>`;
}
const paragraphs = (text: LocalizedText, lang: Locale) => say(text, lang).split(/\n{2,}/).map((p) => `<p>${p.replace(/\n/g, '<br>')}</p>`).join('');
const href = (path: string, lang: Locale, extra = '') => `${path}?lang=${lang}${extra}`;

const STYLE = `
*{box-sizing:border-box}body{margin:0;font:1rem/1.5 system-ui,-apple-system,"Segoe UI",sans-serif;color:#1a1a1a;background:#fff}
a{color:#003479}a:focus,button:focus,input:focus{outline:3px solid #e97025;outline-offset:2px}
.skip{position:absolute;left:-999px}.skip:focus{left:1rem;top:1rem;background:#fff;padding:.5rem}
header,main,footer{max-width:48rem;margin:0 auto;padding:1rem}
header{border-bottom:1px solid #c8cdd0}header p{margin:0;font-weight:600}
nav ul{list-style:none;margin:.5rem 0 0;padding:0;display:flex;gap:1rem;flex-wrap:wrap}
h1{font-size:1.75rem;line-height:1.2}h2{font-size:1.3rem;margin-top:2rem}h3{font-size:1.1rem}
form{display:flex;gap:.5rem;flex-wrap:wrap;align-items:end}label{display:block;font-weight:600}
input[type=search]{font:inherit;padding:.5rem;border:1px solid #5f686d;border-radius:2px;min-width:16rem}
button{font:inherit;padding:.5rem 1rem;border:0;border-radius:2px;background:#003479;color:#fff;cursor:pointer}
ul.cards{list-style:none;padding:0}ul.cards li{border:1px solid #c8cdd0;border-radius:2px;padding:.75rem 1rem;margin:.5rem 0}
dl{margin:0}dt{font-weight:600}dd{margin:0 0 .5rem}table{border-collapse:collapse}th,td{text-align:left;padding:.25rem .75rem .25rem 0;border-bottom:1px solid #e6e8e9}
.meta{color:#4a5257;font-size:.9rem}
@media print{nav,form,.skip,.noprint{display:none}a{color:#000;text-decoration:none}header,main,footer{max-width:none;padding:0}h2{break-after:avoid}section{break-inside:avoid}}
`.replace(/\n/g, '');

function layout(lang: Locale, t: PageTexts, title: string, body: string, path: string): string {
  const names: Record<Locale, string> = { fi: 'Suomeksi', sv: 'På svenska', en: 'In English' };
  const languageLinks = locales
    .map((l) => `<li><a href="${escapeHtml(href(path, l))}" lang="${l}"${l === lang ? ' aria-current="true"' : ''}>${names[l]}</a></li>`)
    .join('');
  return `<!doctype html><html lang="${lang}"><head><meta charset="utf-8"><meta name="viewport" content="width=device-width,initial-scale=1">`
    + `<title>${escapeHtml(title)} – ${escapeHtml(t('siteTitle'))}</title><style>${STYLE}</style></head><body>`
    + `<a class="skip" href="#main">${escapeHtml(t('skipToContent'))}</a>`
    + `<header><p><a href="${href(BASE, lang)}">${escapeHtml(t('siteTitle'))}</a></p><nav aria-label="${escapeHtml(t('languageNav'))}"><ul>${languageLinks}</ul></nav></header>`
    + `<main id="main">${body}</main></body></html>`;
}

function searchForm(lang: Locale, t: PageTexts, value = ''): string {
  return `<form method="get" action="${BASE}/haku" role="search"><input type="hidden" name="lang" value="${lang}">`
    + `<div><label for="q">${escapeHtml(t('searchLabel'))}</label><input type="search" id="q" name="q" value="${escapeHtml(value)}" maxlength="200"></div>`
    + `<button type="submit">${escapeHtml(t('searchButton'))}</button></form>`;
}

function serviceList(services: PublishedService[], lang: Locale, t: PageTexts): string {
  if (services.length === 0) return `<p>${escapeHtml(t('noResults'))}</p>`;
  return `<ul class="cards">${services
    .map((s) => `<li><a href="${href(`${BASE}/${s.row.id}`, lang)}">${say(s.content.names, lang)}</a><br><span class="meta">${say(s.content.targetGroup, lang)}</span></li>`)
    .join('')}</ul>`;
}

function send(reply: FastifyReply, html: string, status = 200) {
  // Public and the same for everyone: a short cache is fine; the CSP of the app (no scripts) applies.
  return reply.status(status).header('cache-control', 'public, max-age=300').type('text/html; charset=utf-8').send(html);
}

function notFoundPage(reply: FastifyReply, lang: Locale, t: PageTexts) {
  const body = `<h1>${escapeHtml(t('notFoundTitle'))}</h1><p>${escapeHtml(t('notFoundText'))}</p><p><a href="${href(BASE, lang)}">${escapeHtml(t('backToTray'))}</a></p>`;
  return send(reply, layout(lang, t, t('notFoundTitle'), body, BASE), 404);
}

function hoursTable(location: ServiceLocation, lang: Locale, t: PageTexts, today: string): string {
  const monday = addDays(today, 1 - isoWeekday(today));
  const week = openingDays(location.openingHours, monday, 7);
  const rows = week
    .map((d) => `<tr><th scope="row">${escapeHtml(formatWeekdayDate(d.day, lang, { weekday: 'long' }))}</th><td>${d.periods.length === 0 ? escapeHtml(t('closed')) : d.periods.map((p) => `${p.opens}–${p.closes}`).join(', ')}${d.reason?.kind === 'holiday' ? ` (${escapeHtml(d.reason.holiday.name[lang])})` : d.reason?.kind === 'exception' && pick(d.reason.note, lang) ? ` (${say(d.reason.note, lang)})` : ''}</td></tr>`)
    .join('');
  const coming = upcomingDifferences(location.openingHours, today, 30).filter((d) => d.day >= addDays(monday, 7));
  const exceptions = coming.length === 0
    ? `<p>${escapeHtml(t('noExceptions'))}</p>`
    : `<ul>${coming.map((d) => `<li>${escapeHtml(formatDate(d.day, lang))}: ${d.reason?.kind === 'holiday' && d.periods.length === 0 ? escapeHtml(t('holidayClosed', { holiday: d.reason.holiday.name[lang] })) : d.periods.length === 0 ? escapeHtml(t('closed')) : d.periods.map((p) => `${p.opens}–${p.closes}`).join(', ')}${d.reason?.kind === 'exception' && pick(d.reason.note, lang) ? ` (${say(d.reason.note, lang)})` : ''}</li>`).join('')}</ul>`;
  return `<table><caption>${escapeHtml(t('weekTitle'))}</caption><tbody>${rows}</tbody></table><h4>${escapeHtml(t('upcomingTitle'))}</h4>${exceptions}`;
}

function contactValue(kind: string, value: string): string {
  const v = escapeHtml(value);
  if (kind === 'phone') return `<a href="tel:${escapeHtml(value.replace(/[^+\d]/g, ''))}">${v}</a>`;
  if (kind === 'email') return `<a href="mailto:${v}">${v}</a>`;
  if ((kind === 'web' || kind === 'chat') && /^https?:\/\//.test(value)) return `<a href="${v}">${v}</a>`;
  return v;
}

async function servicePage(deps: Deps, service: PublishedService, lang: Locale, t: PageTexts, today: string): Promise<string> {
  const c = service.content;
  const organizations = await organizationsById(deps.db.orm, [...(c.organiserId ? [c.organiserId] : []), ...c.producerIds]);
  const orgName = (id: string) => {
    const o = organizations.get(id);
    return o ? say({ fi: o.nameFi, sv: o.nameSv, en: o.nameEn }, lang) : '';
  };
  const municipalities = await municipalityNames(deps.db.orm, c.access.municipalityCodes);
  const checkedBy = (await unitNames(deps.db.orm, [service.row.checkedByUnitId])).get(service.row.checkedByUnitId ?? '') ?? '';
  const section = (title: string, html: string) => `<section><h2>${escapeHtml(title)}</h2>${html}</section>`;
  const contacts = c.contacts.length === 0 ? '' : `<dl>${c.contacts.map((ch) => `<dt>${escapeHtml(t(`contactKinds.${ch.kind}`))}${pick(ch.label, lang) ? ` – ${say(ch.label, lang)}` : ''}</dt><dd>${contactValue(ch.kind, ch.value)}</dd>`).join('')}</dl>`;
  const access = paragraphs(c.access.howToGetIn, lang)
    + (c.access.selfReferral === null ? '' : `<p>${escapeHtml(t(c.access.selfReferral ? 'selfReferralYes' : 'selfReferralNo'))}</p>`)
    + `<p>${c.access.allMunicipalities ? escapeHtml(t('allMunicipalities')) : escapeHtml(t('municipalities', { list: c.access.municipalityCodes.map((code) => municipalities.get(code)?.[lang] ?? code).join(', ') }))}</p>`;
  const locations = c.locations.length === 0 ? '' : section(t('locationsTitle'), c.locations.map((l) => `<h3>${say(l.name, lang)}</h3>${l.street ? `<p>${escapeHtml([l.street, `${l.postalCode} ${l.city}`.trim()].filter(Boolean).join(', '))}</p>` : ''}${hoursTable(l, lang, t, today)}`).join(''));
  const places = c.placesAvailable ? section(t('placesTitle'), `<p>${escapeHtml(t('placesCount', { count: c.placesAvailable.count, date: formatDate(c.placesAvailable.asOf, lang) }))}</p>${pick(c.placesAvailable.note, lang) ? `<p>${say(c.placesAvailable.note, lang)}</p>` : ''}`) : '';
  const categories = c.categories.map((cat) => `<li><a href="${href(`${BASE}/luokka/${cat}`, lang)}">${escapeHtml(trayCategoryNames[cat][lang])}</a></li>`).join('');
  return `<nav aria-label="${escapeHtml(t('breadcrumb'))}" class="noprint"><a href="${href(BASE, lang)}">${escapeHtml(t('backToTray'))}</a></nav>`
    + `<h1>${say(c.names, lang)}</h1>`
    + (service.row.checkedOn ? `<p class="meta">${escapeHtml(t('checked', { date: formatDate(service.row.checkedOn, lang), unit: checkedBy }))}</p>` : '')
    + section(t('fields.contacts'), contacts)
    + section(t('fields.organiser'), `<p>${c.organiserId ? orgName(c.organiserId) : ''}</p>${c.producerIds.length > 0 ? `<h3>${escapeHtml(t('fields.producers'))}</h3><ul>${c.producerIds.map((id) => `<li>${orgName(id)}</li>`).join('')}</ul>` : ''}${pick(c.producerNote, lang) ? paragraphs(c.producerNote, lang) : ''}`)
    + section(t('fields.description'), paragraphs(c.description, lang))
    + section(t('fields.access'), access)
    + section(t('fields.targetGroup'), paragraphs(c.targetGroup, lang))
    + section(t('fields.workForms'), paragraphs(c.workForms, lang))
    + section(t('fields.principles'), paragraphs(c.principles, lang))
    + section(t('fields.goal'), paragraphs(c.goal, lang))
    + section(t('fields.results'), c.resultsNoDataYet && !pick(c.results, lang) ? `<p>${escapeHtml(t('noDataYet'))}</p>` : paragraphs(c.results, lang))
    + locations
    + places
    + (categories ? section(t('categoriesOfService'), `<ul>${categories}</ul>`) : '');
}

export function registerCataloguePages(app: FastifyInstance, deps: Deps): void {
  const r = app.withTypeProvider<ZodTypeProvider>();
  const today = () => helsinkiDay(deps.clock.now());

  r.get(BASE, { schema: { hide: true, querystring: langQuery } }, async (request, reply) => {
    const lang = request.query.lang;
    const t = pageTexts(lang);
    const counts = await Promise.all(trayCategories.map((c) => countPublished(deps.db.orm, { category: c })));
    const list = trayCategories
      .map((c, i) => `<li><a href="${href(`${BASE}/luokka/${c}`, lang)}">${escapeHtml(trayCategoryNames[c][lang])}</a><br><span class="meta">${escapeHtml(t('serviceCount', { count: counts[i]! }))}</span></li>`)
      .join('');
    const body = `<h1>${escapeHtml(t('siteTitle'))}</h1><p>${escapeHtml(t('intro'))}</p>${searchForm(lang, t)}<h2>${escapeHtml(t('categoriesTitle'))}</h2><ul class="cards">${list}</ul>`;
    return send(reply, layout(lang, t, t('siteTitle'), body, BASE));
  });

  r.get(`${BASE}/haku`, { schema: { hide: true, querystring: langQuery.extend({ q: z.string().max(200).catch('').default('') }) } }, async (request, reply) => {
    const { lang, q } = request.query;
    const t = pageTexts(lang);
    const query = q.trim();
    const services = query === '' ? [] : await listPublished(deps.db.orm, { search: query }, { limit: 100, offset: 0 });
    const title = query === '' ? t('searchEmptyTitle') : t('searchTitle', { query });
    const body = `<h1>${escapeHtml(title)}</h1>${searchForm(lang, t, query)}${query === '' ? '' : serviceList(services, lang, t)}`;
    return send(reply, layout(lang, t, title, body, `${BASE}/haku`));
  });

  r.get(`${BASE}/luokka/:category`, { schema: { hide: true, params: z.object({ category: z.string() }), querystring: langQuery } }, async (request, reply) => {
    const lang = request.query.lang;
    const t = pageTexts(lang);
    const category = request.params.category as TrayCategory;
    if (!trayCategories.includes(category)) return notFoundPage(reply, lang, t);
    const services = await listPublished(deps.db.orm, { category });
    const title = trayCategoryNames[category][lang];
    const body = `<nav aria-label="${escapeHtml(t('breadcrumb'))}" class="noprint"><a href="${href(BASE, lang)}">${escapeHtml(t('backToTray'))}</a></nav><h1>${escapeHtml(title)}</h1>${serviceList(services, lang, t)}`;
    return send(reply, layout(lang, t, title, body, `${BASE}/luokka/${category}`));
  });

  r.get(`${BASE}/:serviceId`, { schema: { hide: true, params: z.object({ serviceId: z.string() }), querystring: langQuery } }, async (request, reply) => {
    const lang = request.query.lang;
    const t = pageTexts(lang);
    const id = request.params.serviceId;
    const valid = /^[0-9a-f]{8}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{12}$/i.test(id);
    const [service] = valid ? await listPublished(deps.db.orm, { ids: [id] }) : [];
    if (!service) return notFoundPage(reply, lang, t);
    const body = await servicePage(deps, service, lang, t, today());
    return send(reply, layout(lang, t, pick(service.content.names, lang), body, `${BASE}/${id}`));
  });
}
