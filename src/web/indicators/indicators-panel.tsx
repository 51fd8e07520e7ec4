import { useTranslation } from 'react-i18next';
import type { IndicatorView } from '../../domain/indicators/indicators';
import { numberFormat } from '../../domain/intl-cache';
import { may } from '../auth/abilities';
import { useAbilities } from '../auth/use-abilities';
import { AppLink } from '../common/app-link';
import { ErrorAlert } from '../common/error-alert';
import { Loading } from '../common/loading';
import { useIndicatorPanel } from './api';
import './indicators.css';

type Lang = 'fi' | 'sv' | 'en';
const langOf = (language: string): Lang => (language === 'sv' || language === 'en' ? language : 'fi');
const titleIn = (title: { fi: string; sv: string | null; en: string | null }, lang: Lang) => (lang === 'fi' ? title.fi : (title[lang] ?? title.fi));

/** A figure as published: its own number of decimals (one by default), in the reader's number format. */
function figure(value: number | null, decimals: number | null, language: string, missing: string): string {
  if (value === null) return missing;
  const d = decimals ?? 1;
  return numberFormat(language, { minimumFractionDigits: d, maximumFractionDigits: d }).format(value);
}

/**
 * The region against the whole country, beside Silta's own figures (requirements-phase2 § 8.6): the latest
 * year of each indicator, with its source, id, year and licence; example values are labelled as such.
 * Compact: one row per indicator.
 */
export function IndicatorsPanel({ headingLevel = 'h2' }: { headingLevel?: 'h2' | 'h3' }) {
  const { t, i18n } = useTranslation();
  const lang = langOf(i18n.language);
  const abilities = useAbilities();
  const allowed = may(abilities, 'indicator.read');
  const panel = useIndicatorPanel(allowed);
  if (!allowed) return null;
  const Heading = headingLevel;
  const body = () => {
    if (panel.isPending) return <Loading />;
    if (panel.isError) return <ErrorAlert error={panel.error} />;
    const { home, country, indicators } = panel.data;
    if (indicators.length === 0) return <p>{t('indicators.panel.none')}</p>;
    if (!home || !country) return <p>{t('indicators.panel.noAreas')}</p>;
    const shown = indicators.filter((i) => i.rows.length > 0);
    const latest = (i: IndicatorView) => i.rows[0]!;
    const homeName = home.title ? titleIn(home.title, lang) : t('indicators.panel.home');
    const countryName = country.title ? titleIn(country.title, lang) : t('indicators.panel.country');
    return (
      <>
        <table className="indicators-table">
          <caption className="visually-hidden">{t('indicators.panel.title')}</caption>
          <thead>
            <tr>
              <th scope="col">{t('indicators.panel.indicator')}</th>
              <th scope="col">{t('indicators.panel.year')}</th>
              <th scope="col">{homeName}</th>
              <th scope="col">{countryName}</th>
            </tr>
          </thead>
          <tbody>
            {shown.map((i) => (
              <tr key={i.id} data-indicator={i.sourceRef}>
                <th scope="row">
                  {titleIn(i.title, lang)}
                  {i.unit && <> ({i.unit})</>}
                  {i.isExample && <span className="indicators-example"> [{t('indicators.panel.example')}]</span>}
                  <span className="indicators-source">
                    {t('indicators.panel.source', { attribution: i.attribution, ref: i.sourceRef, year: latest(i).year })}
                    {i.licence && <> · {i.licenceUrl ? <a href={i.licenceUrl}>{t('indicators.panel.licence', { licence: i.licence })}</a> : t('indicators.panel.licence', { licence: i.licence })}</>}
                  </span>
                </th>
                <td>{latest(i).year}</td>
                <td>{figure(latest(i).home, i.decimals, i18n.language, t('indicators.panel.missing'))}</td>
                <td>{figure(latest(i).country, i.decimals, i18n.language, t('indicators.panel.missing'))}</td>
              </tr>
            ))}
          </tbody>
        </table>
        {shown.some((i) => i.isExample) && <p className="indicators-note">{t('indicators.panel.exampleNote')}</p>}
      </>
    );
  };
  return (
    <section aria-labelledby="indicators-panel" className="indicators-panel" data-testid="indicators-panel">
      <Heading id="indicators-panel">{t('indicators.panel.title')}</Heading>
      <p className="indicators-note">{t('indicators.panel.intro')}</p>
      {body()}
      {may(abilities, 'indicator.manage') && <p className="no-print structural-no-print"><AppLink to="/indicators">{t('indicators.panel.manage')}</AppLink></p>}
    </section>
  );
}
