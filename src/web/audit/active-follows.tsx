import { useTranslation } from 'react-i18next';
import { Button } from 'suomifi-ui-components';

type ActiveFollowsProps = { person: string | null; target: string | null; onRemove: (which: 'person' | 'target') => void };

/** The person and target filters set by following a row, each with a button that removes it. */
export function ActiveFollows({ person, target, onRemove }: ActiveFollowsProps) {
  const { t } = useTranslation();
  if (person === null && target === null) return null;
  const shown = [
    ...(person === null ? [] : [{ which: 'person' as const, text: t('audit.active.person', { name: person }) }]),
    ...(target === null ? [] : [{ which: 'target' as const, text: t('audit.active.target', { target }) }]),
  ];
  return (
    <section className="audit-follows" aria-labelledby="audit-follows-heading">
      <h2 id="audit-follows-heading" className="visually-hidden">
        {t('audit.active.heading')}
      </h2>
      <ul>
        {shown.map(({ which, text }) => (
          <li key={which}>
            <span>{text}</span>{' '}
            <Button variant="secondaryNoBorder" onClick={() => onRemove(which)} aria-label={t('audit.active.remove', { what: text })}>
              {t('audit.active.remove', { what: '' }).replace(/[:\s]+$/, '')}
            </Button>
          </li>
        ))}
      </ul>
    </section>
  );
}
