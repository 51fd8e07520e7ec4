import { useId } from 'react';
import { useTranslation } from 'react-i18next';
import { agreementWords, scaleWords } from '../../domain/feedback-scale';
import { Heading } from 'suomifi-ui-components';
import type { ItemResult } from '../../domain/feedback';
import { DivergingBar } from '../charts/diverging-bar';
import { divergingSegments } from '../charts/diverging';
import { useLocale } from '../i18n/use-locale';
import { formatNumber, formatPercent } from './results-format';
import { inLocale } from './texts';

/** `isApart`: counted apart from n ("does not apply"), so it gets no share. */
type Row = { key: string; label: string; count: number; isApart?: boolean };

/** The table behind every chart: answer, count, share of those who answered. */
function CountTable({ caption, rows, total }: { caption: string; rows: Row[]; total: number }) {
  const { t } = useTranslation();
  const { locale } = useLocale();
  const captionId = useId();
  return (
    <div className="table-region results-table" role="region" aria-labelledby={captionId} tabIndex={0}>
      <table className="data-table">
        <caption id={captionId}>{caption}</caption>
        <thead>
          <tr>
            <th scope="col">{t('feedbackForms.results.answer')}</th>
            <th scope="col">{t('feedbackForms.results.count')}</th>
            <th scope="col">{t('feedbackForms.results.share')}</th>
          </tr>
        </thead>
        <tbody>
          {rows.map((row) => (
            <tr key={row.key} data-value={row.key}>
              <th scope="row">{row.label}</th>
              <td data-label={t('feedbackForms.results.count')}>{formatNumber(row.count, locale)}</td>
              <td data-label={t('feedbackForms.results.share')}>{total > 0 && !row.isApart ? formatPercent(row.count / total, locale) : '–'}</td>
            </tr>
          ))}
        </tbody>
      </table>
    </div>
  );
}

/** One item's results: n, and by kind the bar, the table, the share agreeing and the mean; options; open answers. */
export function ItemResults({ item }: { item: ItemResult }) {
  const { t } = useTranslation();
  const { locale } = useLocale();
  const text = inLocale(item.text, locale);
  const headingId = `result-${item.itemId}`;
  const mean = (value: number | null) => (value === null ? '–' : formatNumber(value, locale, 1));
  const caption = t('feedbackForms.results.tableCaption', { item: text });
  return (
    <section className="item-result" aria-labelledby={headingId} data-item-id={item.itemId} data-kind={item.kind}>
      <Heading variant="h3" id={headingId} mb="xxs">{`${item.position}. ${text}`}</Heading>
      <p className="item-result__figures">
        <span className="item-result__n">{t('feedbackForms.results.n', { n: formatNumber(item.n, locale) })}</span>
        {item.kind === 'agreement' && (
          <>
            {' · '}{t('feedbackForms.results.shareAgreeing', { share: item.shareAgreeing === null ? '–' : formatPercent(item.shareAgreeing, locale) })}
            {' · '}{t('feedbackForms.results.mean', { mean: mean(item.mean) })}
            {' · '}{t('feedbackForms.results.notApplicableCount', { n: formatNumber(item.notApplicable, locale) })}
          </>
        )}
        {item.kind === 'recommendation' && <>{' · '}{t('feedbackForms.results.mean', { mean: mean(item.mean) })}</>}
      </p>
      {item.n === 0 && !(item.kind === 'agreement' && item.notApplicable > 0) ? (
        <p className="muted">{t('feedbackForms.results.nobodyAnswered')}</p>
      ) : (
        <ItemFigures item={item} caption={caption} />
      )}
    </section>
  );
}

/** The chart and table (or list) of an item that someone answered. */
function ItemFigures({ item, caption }: { item: ItemResult; caption: string }) {
  const { locale } = useLocale();
  return (
    <>
      {item.kind === 'agreement' && (
        <>
          <AgreementBar distribution={item.distribution} />
          <CountTable
            caption={caption}
            total={item.n}
            rows={[
              ...item.distribution.map((d) => ({ key: String(d.value), label: agreementWords(d.value, locale), count: d.count })),
              { key: 'na', label: scaleWords[locale].notApplicable, count: item.notApplicable, isApart: true },
            ]}
          />
        </>
      )}
      {item.kind === 'recommendation' && (
        <CountTable caption={caption} total={item.n} rows={item.distribution.map((d) => ({ key: String(d.value), label: String(d.value), count: d.count }))} />
      )}
      {(item.kind === 'single_choice' || item.kind === 'multiple_choice') && (
        <CountTable caption={caption} total={item.n} rows={item.options.map((o) => ({ key: o.key, label: inLocale(o.label, locale), count: o.count }))} />
      )}
      {item.kind === 'open_text' && <OpenAnswers answers={item.answers} />}
    </>
  );
}

/**
 * A statement's answers as a diverging bar. The table under it carries the same figures for screen
 * readers, so the picture is hidden from them.
 */
function AgreementBar({ distribution }: { distribution: { value: number; count: number }[] }) {
  const { t } = useTranslation();
  const { locale } = useLocale();
  const values = [1, 2, 3, 4, 5];
  const segments = divergingSegments(values.map((value) => distribution.find((d) => d.value === value)?.count ?? 0));
  if (!segments) return null;
  const texts = {
    disagree: t('feedbackForms.results.disagree'),
    agree: t('feedbackForms.results.agree'),
    values: values.map((value) => `${value} = ${agreementWords(value, locale)}`),
  };
  return <DivergingBar segments={segments} name={null} texts={texts} formatCount={(count) => formatNumber(count, locale)} />;
}

function OpenAnswers({ answers }: { answers: string[] | null }) {
  const { t } = useTranslation();
  if (answers === null) return <p className="muted item-result__open-hidden">{t('feedbackForms.results.openHiddenItem')}</p>;
  if (answers.length === 0) return <p className="muted">{t('feedbackForms.results.noOpenAnswers')}</p>;
  return (
    <ul className="open-answers">
      {answers.map((answer, index) => <li key={index}>{answer}</li>)}
    </ul>
  );
}
